package io.github.kclogingov.demo.app;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The application's sessions in memory, keyed by the random value of the browser's session cookie. */
final class SessionStore {
    static final String COOKIE_NAME = "demo_app_session";
    /** A demo serves one developer; the bound only stops a script from filling the memory. */
    private static final int MAX_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, BrowserSession> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BrowserSession> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    synchronized Optional<BrowserSession> find(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    /** A new session and its id, for a {@code Set-Cookie}. */
    synchronized Map.Entry<String, BrowserSession> create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        BrowserSession session = new BrowserSession();
        sessions.put(id, session);
        return Map.entry(id, session);
    }

    /** The session cookie's value in a {@code Cookie} request header, or {@code null}. */
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
     * {@code SameSite=Lax} lets the cookie come back on Keycloak's redirect to the callback (a
     * top-level GET); no {@code Secure} because the demo is plain HTTP on localhost.
     */
    static String setCookieHeader(String id) {
        return COOKIE_NAME + "=" + id + "; Path=/; HttpOnly; SameSite=Lax";
    }
}
