package io.github.kclogingov.broker.signals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The three parts of a Security Event Token in compact serialization, decoded, nothing parsed yet.
 * The receiver bounds the body before this sees it.
 */
record SetJws(byte[] header, byte[] payload, byte[] signature, byte[] signingInput) {

    /** Unpadded base64url (RFC 7515 section 2): padding or any other character is not a JWS. */
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    /** @throws SetRejected if the text is not three base64url parts (a JWE has five, an unsigned JWT ends with a dot) */
    static SetJws parse(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw SetRejected.invalidRequest("the body is not a signed JWT (JWS compact serialization)");
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches()) {
                throw SetRejected.invalidRequest("the body is not a well-formed JWT (base64url)");
            }
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new SetJws(
                    decoder.decode(parts[0]),
                    decoder.decode(parts[1]),
                    decoder.decode(parts[2]),
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw SetRejected.invalidRequest("the body is not a well-formed JWT (base64url)");
        }
    }
}
