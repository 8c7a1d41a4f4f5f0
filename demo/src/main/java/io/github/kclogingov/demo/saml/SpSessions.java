package io.github.kclogingov.demo.saml;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The service provider's sessions in memory, keyed by the random value of the browser's cookie. */
final class SpSessions {
    static final String COOKIE_NAME = "demo_saml_session";
    /** A demo serves one developer; the bound only stops a script from filling the memory. */
    private static final int MAX_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SpSession> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SpSession> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    synchronized Optional<SpSession> find(String cookieHeader) {
        String id = idFromCookieHeader(cookieHeader);
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    /** A new session and its id, for a {@code Set-Cookie}. */
    synchronized Map.Entry<String, SpSession> create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SpSession session = new SpSession();
        sessions.put(id, session);
        return Map.entry(id, session);
    }

    static String idFromCookieHeader(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String cookie : cookieHeader.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.startsWith(COOKIE_NAME + "=")) {
                return trimmed.substring(COOKIE_NAME.length() + 1);
            }
        }
        return null;
    }

    /**
     * {@code SameSite=Lax}: Keycloak's page posts the response from another port of the same host,
     * which is the same site, so the cookie comes along; no {@code Secure} on the demo's plain HTTP.
     */
    static String setCookieHeader(String id) {
        return COOKIE_NAME + "=" + id + "; Path=/; HttpOnly; SameSite=Lax";
    }
}
