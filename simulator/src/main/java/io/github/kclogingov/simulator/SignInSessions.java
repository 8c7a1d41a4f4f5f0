package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The person's Login.gov session, as identity-idp keeps it in Redis: it starts at sign-in, slides
 * on the person's activity at Login.gov (each page of Login.gov the browser opens with its cookie
 * starts the timeout again) and ends after the timeout without activity, at logout, or when a test
 * ends it. Its end is what the token endpoint reads for {@code exp} and {@code expires_in}, and an
 * access token dies with it. The browser holds it in a cookie, so logout can tell "signed in"
 * (confirmation page) from "not signed in" (immediate redirect), and a later sign-in without
 * {@code prompt=login} reuses its authentication time; a caller without cookies starts a new one
 * at every sign-in, which the codes and access tokens still point to.
 */
final class SignInSessions {
    static final String COOKIE = "logingov_simulator_session";
    /** Sessions are swept of expired ones every this many sign-ins, so callers without cookies cannot pile them up. */
    private static final long SWEEP_EVERY = 256;

    /** Who is signed in, when they last authenticated (not when the session was last renewed), and when it ends. */
    private record Session(String personaId, Instant authenticatedAt, Instant expiresAt) {
        Session renewed(Instant newEnd) {
            return new Session(personaId, authenticatedAt, newEnd);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong signIns = new AtomicLong();
    private final Clock clock;
    private final String cookiePath;
    private volatile Duration timeout;

    SignInSessions(Clock clock, String cookiePath, Duration timeout) {
        this.clock = clock;
        this.cookiePath = cookiePath;
        timeout(timeout);
    }

    static Duration checkedTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "session timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The session timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    void timeout(Duration newTimeout) {
        this.timeout = checkedTimeout(newTimeout);
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Starts (or renews) the browser's session for a persona, setting the cookie on the response.
     *
     * @param authenticatedAt when the persona authenticated: now for a fresh authentication, the
     *     session's own time when it was reused
     * @return the session's id, which the code and its tokens keep
     */
    String signIn(HttpExchange exchange, String personaId, Instant authenticatedAt) {
        if (signIns.incrementAndGet() % SWEEP_EVERY == 0) {
            Instant now = clock.instant();
            sessions.values().removeIf(session -> !now.isBefore(session.expiresAt()));
        }
        String session = HttpExchanges.cookie(exchange, COOKIE);
        if (session == null || live(session).isEmpty()) {
            session = UUID.randomUUID().toString();
        }
        sessions.put(
                session, new Session(personaId, authenticatedAt, clock.instant().plus(timeout)));
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=" + session + "; Path=" + cookiePath + "; HttpOnly; SameSite=Lax");
        return session;
    }

    /** The person opened a page of Login.gov: a live session of the browser starts its timeout again. */
    void activity(HttpExchange exchange) {
        String session = HttpExchanges.cookie(exchange, COOKIE);
        if (session == null) {
            return;
        }
        Instant now = clock.instant();
        sessions.computeIfPresent(
                session, (id, found) -> now.isBefore(found.expiresAt()) ? found.renewed(now.plus(timeout)) : null);
    }

    /** When a session ends if nothing renews it; empty once it has ended (or for an unknown id). */
    Optional<Instant> expiresAt(String session) {
        return live(session).map(Session::expiresAt);
    }

    /** When the persona authenticated in the browser's live session; empty without one (or for another persona). */
    Optional<Instant> authenticatedAt(HttpExchange exchange, String personaId) {
        return live(HttpExchanges.cookie(exchange, COOKIE))
                .filter(session -> session.personaId().equals(personaId))
                .map(Session::authenticatedAt);
    }

    /** The session id of the request, when it names a live session. */
    Optional<String> current(HttpExchange exchange) {
        String session = HttpExchanges.cookie(exchange, COOKIE);
        return live(session).map(found -> session);
    }

    Optional<String> personaOf(String session) {
        return live(session).map(Session::personaId);
    }

    void signOut(HttpExchange exchange, String session) {
        sessions.remove(session);
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=; Path=" + cookiePath + "; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /** Ends every session of a persona now, as a timeout would; answers how many were live. */
    int end(String personaId) {
        Instant now = clock.instant();
        int[] ended = {0};
        sessions.entrySet().removeIf(entry -> {
            boolean match = entry.getValue().personaId().equals(personaId);
            if (match && now.isBefore(entry.getValue().expiresAt())) {
                ended[0]++;
            }
            return match;
        });
        return ended[0];
    }

    void clear() {
        sessions.clear();
    }

    private Optional<Session> live(String session) {
        if (session == null) {
            return Optional.empty();
        }
        Session found = sessions.get(session);
        if (found == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            sessions.remove(session, found);
            return Optional.empty();
        }
        return Optional.of(found);
    }
}
