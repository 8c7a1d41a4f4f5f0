package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator's own sign-in session, kept in a cookie, so that logout can tell "signed in"
 * (confirmation page) from "not signed in" (immediate redirect) as production does, and a later
 * sign-in without {@code prompt=login} reuses the session's authentication time as production does.
 */
final class SignInSessions {
    static final String COOKIE = "logingov_simulator_session";
    /** Production's session idles out after 15 minutes. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** Who is signed in, and when they last authenticated (not when the session was last renewed). */
    private record Session(String personaId, Instant authenticatedAt) {}

    private final ExpiringStore<Session> sessions;
    private final String cookiePath;

    SignInSessions(Clock clock, String cookiePath) {
        this.sessions = new ExpiringStore<>(clock);
        this.cookiePath = cookiePath;
    }

    /**
     * Starts (or renews) the browser's session for a persona, setting the cookie on the response.
     *
     * @param authenticatedAt when the persona authenticated: now for a fresh authentication, the
     *     session's own time when it was reused
     */
    void signIn(HttpExchange exchange, String personaId, Instant authenticatedAt) {
        String session = HttpExchanges.cookie(exchange, COOKIE);
        if (session == null || sessions.get(session).isEmpty()) {
            session = UUID.randomUUID().toString();
        }
        sessions.put(session, new Session(personaId, authenticatedAt), LIFETIME);
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=" + session + "; Path=" + cookiePath + "; HttpOnly; SameSite=Lax");
    }

    /** When the persona authenticated in the browser's live session; empty without one (or for another persona). */
    Optional<Instant> authenticatedAt(HttpExchange exchange, String personaId) {
        return sessions.get(HttpExchanges.cookie(exchange, COOKIE))
                .filter(session -> session.personaId().equals(personaId))
                .map(Session::authenticatedAt);
    }

    /** The session id of the request, when it names a live session. */
    Optional<String> current(HttpExchange exchange) {
        String session = HttpExchanges.cookie(exchange, COOKIE);
        return sessions.get(session).map(found -> session);
    }

    Optional<String> personaOf(String session) {
        return sessions.get(session).map(Session::personaId);
    }

    void signOut(HttpExchange exchange, String session) {
        sessions.remove(session);
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=; Path=" + cookiePath + "; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    void clear() {
        sessions.clear();
    }
}
