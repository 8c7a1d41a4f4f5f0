package io.github.kclogingov.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A compact JWS read without checking its signature, as identity-idp's first {@code JWT.decode(body,
 * nil, false)} reads it: two or three dot-separated parts, a header and a payload that are base64url
 * JSON. Anything else is a parse failure ({@code jwtParse}). Unlike Ruby, a header or payload that
 * is JSON but not an object also fails here, where identity-idp would go on and answer 500.
 *
 * @param signingInput the header and payload parts as received, for the signature check
 * @param signature the third part as received, or null when there were two parts
 */
record CompactJwt(Map<String, Object> header, Map<String, Object> payload, String signingInput, String signature) {

    static Optional<CompactJwt> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.", -1);
        if (parts.length != 2 && parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CompactJwt(
                    object(parts[0]),
                    object(parts[1]),
                    parts[0] + "." + parts[1],
                    parts.length == 3 ? parts[2] : null));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> object(String part) throws ParseException {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
