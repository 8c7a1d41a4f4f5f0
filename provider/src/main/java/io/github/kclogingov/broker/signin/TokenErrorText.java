package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.UntrustedText;
import java.nio.charset.StandardCharsets;

/**
 * The readable reason in a token error answer, whichever JSON shape it takes: Login.gov's own
 * {@code {"error": "<free text>"}} (not an RFC 6749 code), RFC 6749's {@code error} with {@code
 * error_description}, or RFC 9457 problem details ({@code application/problem+json}) with {@code
 * title} and {@code detail}. Read with the id_token's bounds and made safe for events and pages
 * ({@link UntrustedText}); null when the body holds none of them.
 */
final class TokenErrorText {

    private TokenErrorText() {}

    static String of(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json =
                BoundedJson.object(body.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (json == null) {
            return null;
        }
        String text = joined(text(json, "error"), text(json, "error_description"));
        if (text == null) {
            text = joined(text(json, "title"), text(json, "detail"));
        }
        return text == null ? null : UntrustedText.readable(text);
    }

    /** A string member, or a number or boolean as written; an object or array is not a reason. */
    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String joined(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + ": " + second;
    }
}
