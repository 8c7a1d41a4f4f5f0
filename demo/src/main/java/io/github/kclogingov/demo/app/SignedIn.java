package io.github.kclogingov.demo.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Keycloak gave this application at the end of a sign-in. The id_token is kept only for
 * Keycloak's end-session request ({@code id_token_hint}); the access token is used once for
 * userinfo and dropped. A real application would hold them the same way: server-side, in memory
 * or its own session store, never in a log line or a page.
 *
 * @param idTokenClaims the id_token's claims, as checked
 * @param userinfoClaims Keycloak's userinfo answer
 */
record SignedIn(String idToken, Map<String, Object> idTokenClaims, Map<String, Object> userinfoClaims) {

    SignedIn {
        // Not Map.copyOf: a JSON claim may be null.
        idTokenClaims = Collections.unmodifiableMap(new LinkedHashMap<>(idTokenClaims));
        userinfoClaims = Collections.unmodifiableMap(new LinkedHashMap<>(userinfoClaims));
    }

    /** The claim from the id_token, else from userinfo; {@code null} when neither has it. */
    Object claim(String name) {
        Object value = idTokenClaims.get(name);
        return value != null ? value : userinfoClaims.get(name);
    }

    @Override
    public String toString() {
        return "SignedIn[sub=" + idTokenClaims.get("sub") + "]";
    }
}
