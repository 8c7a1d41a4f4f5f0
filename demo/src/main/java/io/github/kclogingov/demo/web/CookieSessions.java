package io.github.kclogingov.demo.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A demo application's sessions in memory, keyed by the random value of the browser's session
 * cookie: one store per application (the OpenID Connect one and the SAML one), each under a cookie
 * name of its own, since both run on localhost and a browser sends both cookies to either.
 *
 * @param <S> what the application keeps per browser
 */
public final class CookieSessions<S> {
    /** A demo serves one developer; the bound only stops a script from filling the memory. */
    private static final int MAX_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String cookieName;
    private final Supplier<S> newSession;
    private final Map<String, S> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    public CookieSessions(String cookieName, Supplier<S> newSession) {
        this.cookieName = cookieName;
        this.newSession = newSession;
    }

    /** The session the {@code Cookie} request header names, if this store still holds it. */
    public synchronized Optional<S> find(String cookieHeader) {
        String id = idFromCookieHeader(cookieHeader);
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    /** A new session and its id, for {@link #setCookieHeader}. */
    public synchronized Map.Entry<String, S> create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        S session = newSession.get();
        sessions.put(id, session);
        return Map.entry(id, session);
    }

    /** The session cookie's value in a {@code Cookie} request header, or {@code null}. */
    public String idFromCookieHeader(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String cookie : cookieHeader.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.startsWith(cookieName + "=")) {
                return trimmed.substring(cookieName.length() + 1);
            }
        }
        return null;
    }

    /**
     * {@code SameSite=Lax}: the cookie comes back on Keycloak's redirect to a callback (a top-level
     * GET) and on Keycloak's page posting a SAML response from another port of the same host (the
     * same site); no {@code Secure}, because the demo is plain HTTP on localhost.
     */
    public String setCookieHeader(String id) {
        return cookieName + "=" + id + "; Path=/; HttpOnly; SameSite=Lax";
    }
}
