package io.github.kclogingov.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The S256 PKCE check, the only method Login.gov accepts. */
final class Pkce {

    private Pkce() {}

    /** Whether base64url(SHA-256(verifier)) equals the challenge; padding is ignored, as in production. */
    static boolean matches(String codeChallenge, String codeVerifier) {
        if (codeChallenge == null || codeVerifier == null || codeVerifier.isEmpty()) {
            return false;
        }
        String expected = stripPadding(codeChallenge);
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(codeVerifier));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), computed.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String stripPadding(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        return value.substring(0, end);
    }
}
