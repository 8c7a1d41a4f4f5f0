package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator's own sign-in session, kept in a cookie, so that logout can tell "signed in"
 * (confirmation page) from "not signed in" (immediate redirect) as production does.
 */
final class SignInSessions {
    static final String COOKIE = "logingov_simulator_session";
    /** Production's session idles out after 15 minutes. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final ExpiringStore<String> personaBySession;
    private final String cookiePath;

    SignInSessions(Clock clock, String cookiePath) {
        this.personaBySession = new ExpiringStore<>(clock);
        this.cookiePath = cookiePath;
    }

    /** Starts (or renews) the browser's session for a persona, setting the cookie on the response. */
    void signIn(HttpExchange exchange, String personaId) {
        String session = HttpExchanges.cookie(exchange, COOKIE);
        if (session == null || personaBySession.get(session).isEmpty()) {
            session = UUID.randomUUID().toString();
        }
        personaBySession.put(session, personaId, LIFETIME);
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=" + session + "; Path=" + cookiePath + "; HttpOnly; SameSite=Lax");
    }

    /** The session id of the request, when it names a live session. */
    Optional<String> current(HttpExchange exchange) {
        String session = HttpExchanges.cookie(exchange, COOKIE);
        return personaBySession.get(session).map(persona -> session);
    }

    Optional<String> personaOf(String session) {
        return personaBySession.get(session);
    }

    void signOut(HttpExchange exchange, String session) {
        personaBySession.remove(session);
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=; Path=" + cookiePath + "; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    void clear() {
        personaBySession.clear();
    }
}
