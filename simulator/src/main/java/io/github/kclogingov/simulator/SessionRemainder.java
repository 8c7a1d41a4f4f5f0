package io.github.kclogingov.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What is left of the person's Login.gov session when the token endpoint answers, read as
 * identity-idp's {@code OutOfBandSessionAccessor} reads it: the session's end, or now once it has
 * ended (Redis has no expiry time left for it).
 *
 * @param end the id_token's {@code exp}
 * @param alive false once the session has ended: the attributes kept in it come back empty
 */
record SessionRemainder(Instant end, boolean alive) {

    static SessionRemainder of(SignInSessions sessions, String session, Instant now) {
        return sessions.expiresAt(session)
                .map(end -> new SessionRemainder(end, true))
                .orElseGet(() -> new SessionRemainder(now, false));
    }

    /** The token answer's {@code expires_in}: whole seconds left, 0 once ended. */
    long expiresIn(Instant now) {
        return Math.max(0, Duration.between(now, end).getSeconds());
    }
}
