package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The three parts of a JWS in compact serialization, decoded, nothing parsed yet. Its own reader
 * because Keycloak's {@code JWSInput} parses the header into a class that drops the members a JWT
 * attack hides in ({@code jwk}, {@code jku}, {@code crit}, ...), and reads any length.
 *
 * @param header the protected header's JSON bytes
 * @param payload the claims' JSON bytes
 * @param signature the signature bytes
 * @param signingInput what the signature covers: the encoded header, a dot and the encoded payload
 */
record CompactJws(byte[] header, byte[] payload, byte[] signature, byte[] signingInput) {

    /** Unpadded base64url (RFC 7515 section 2): padding or any other character is not a JWS. */
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    /**
     * @throws LoginGovLoginException if the token is longer than {@link IdTokenValidator#MAX_TOKEN_LENGTH},
     *     not three parts (a JWE has five), or not base64url
     */
    static CompactJws parse(String token) {
        if (token.length() > IdTokenValidator.MAX_TOKEN_LENGTH) {
            throw new LoginGovLoginException(
                    FailureCode.ID_TOKEN_INVALID,
                    "id_token is longer than " + IdTokenValidator.MAX_TOKEN_LENGTH
                            + " characters: Login.gov's are a few kilobytes");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new LoginGovLoginException(
                    FailureCode.ID_TOKEN_INVALID, "id_token is not a signed JWT (JWS compact serialization)");
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches()) {
                throw new LoginGovLoginException(
                        FailureCode.ID_TOKEN_INVALID, "id_token is not a well-formed JWT (base64url)");
            }
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new CompactJws(
                    decoder.decode(parts[0]),
                    decoder.decode(parts[1]),
                    decoder.decode(parts[2]),
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new LoginGovLoginException(
                    FailureCode.ID_TOKEN_INVALID, "id_token is not a well-formed JWT (base64url)");
        }
    }
}
