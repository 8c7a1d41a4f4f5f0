package io.github.kclogingov.demo.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * One authorization request this application sent and has not had an answer to yet: the secrets
 * that tie Keycloak's answer to it. {@code state} ties the callback to this browser's request,
 * {@code nonce} ties the id_token to it, and the PKCE verifier proves to the token endpoint that
 * whoever redeems the code started the request.
 *
 * @param acrValues the level name asked for, or {@code null} for the client's default
 */
record PendingSignIn(String state, String nonce, String codeVerifier, String acrValues, Instant startedAt) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static PendingSignIn start(String acrValues, Instant now) {
        return new PendingSignIn(randomToken(), randomToken(), randomToken(), acrValues, now);
    }

    /** PKCE S256 (RFC 7636 section 4.2): base64url, unpadded, of the verifier's SHA-256. */
    String codeChallenge() {
        return codeChallengeOf(codeVerifier);
    }

    static String codeChallengeOf(String codeVerifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** 32 random bytes, base64url: 43 characters, within PKCE's 43 to 128 for the verifier. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        // Never print the secrets, should a record end up in a log line.
        return "PendingSignIn[acrValues=" + acrValues + ", startedAt=" + startedAt + "]";
    }
}
