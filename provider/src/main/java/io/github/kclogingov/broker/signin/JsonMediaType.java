package io.github.kclogingov.broker.signin;

import java.util.Locale;

/**
 * Whether an answer's {@code Content-Type} says JSON, judged by what it means rather than by the
 * exact bytes one server sends: {@code application/json} or any {@code application/<x>+json}
 * structured-syntax suffix (RFC 6839), such as the JWK Set type {@code application/jwk-set+json}
 * (RFC 7517) or {@code application/problem+json} (RFC 9457), in any letter case and with any
 * parameters ({@code charset=utf-8}). Login.gov's Rails answers {@code application/json;
 * charset=utf-8}; another legitimate server, or a proxy in front of Login.gov, may send the others.
 * What the body holds is checked after this, by the parser of each answer.
 */
final class JsonMediaType {

    private JsonMediaType() {}

    static boolean matches(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash < 0 || !type.substring(0, slash).equals("application")) {
            return false;
        }
        String subtype = type.substring(slash + 1);
        return subtype.equals("json")
                || (subtype.endsWith("+json") && subtype.length() > "+json".length() && isToken(subtype));
    }

    /** RFC 9110 token characters only: no space, slash or other separator inside the subtype. */
    private static boolean isToken(String subtype) {
        for (int i = 0; i < subtype.length(); i++) {
            char c = subtype.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }
}
