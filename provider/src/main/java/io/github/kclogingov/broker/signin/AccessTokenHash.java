package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The id_token's {@code at_hash} binds it to the access token it came with (OpenID Connect Core
 * §3.1.3.8, §3.2.2.9): for RS256, the base64url left half of the SHA-256 of the access token's
 * ASCII. Login.gov always sends it; when present it must match, or the access token (and the
 * userinfo it would fetch) may belong to another answer. Checked before userinfo is called.
 */
public final class AccessTokenHash {

    static final String AT_HASH = "at_hash";

    private AccessTokenHash() {}

    /**
     * @param atHash the id_token's {@code at_hash}, or null when absent (optional in the code flow)
     * @param accessToken the access token of the same token response
     */
    public static void check(Object atHash, String accessToken) {
        if (atHash == null) {
            return;
        }
        if (!(atHash instanceof String expected) || accessToken == null) {
            throw new LoginGovLoginException(
                    FailureCode.AT_HASH_MISMATCH, "id_token at_hash is not a string or no access token came with it");
        }
        byte[] actual = leftHalfSha256(accessToken).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(actual, expected.getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginGovLoginException(
                    FailureCode.AT_HASH_MISMATCH, "id_token at_hash does not match the access token");
        }
    }

    static String leftHalfSha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
