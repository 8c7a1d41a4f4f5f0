package io.github.kclogingov.demo.saml;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One browser's state in the SAML service provider, kept server-side: the AuthnRequests it sent and
 * that have no answer yet (by ID, with the level each asked for), and the sign-in it ended with.
 */
final class SpSession {
    /** Long enough to pick a persona at the simulator; short enough that old requests die. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    /** A few tabs or back-button retries. */
    static final int MAX_PENDING = 10;

    private record Pending(Optional<SamlLevel> level, Instant sentAt) {}

    /** A sign-in, with the level its request asked for (null for none). */
    record Current(SamlSignIn signIn, SamlLevel requested) {}

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private Current current;

    synchronized void sent(String requestId, Optional<SamlLevel> level, Instant now) {
        pending.put(requestId, new Pending(level, now));
        Iterator<String> oldest = pending.keySet().iterator();
        while (pending.size() > MAX_PENDING) {
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * The level the request {@code requestId} asked for, used once: a replayed response finds
     * nothing. Empty when this browser sent no such request (or too long ago).
     */
    synchronized Optional<Optional<SamlLevel>> answered(String requestId, Instant now) {
        Pending request = pending.remove(requestId);
        if (request == null || request.sentAt().plus(PENDING_LIFETIME).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(request.level());
    }

    synchronized Optional<Current> current() {
        return Optional.ofNullable(current);
    }

    synchronized void signIn(SamlSignIn signIn, SamlLevel requested) {
        current = new Current(signIn, requested);
    }

    synchronized Optional<Current> signOut() {
        Current previous = current;
        current = null;
        return Optional.ofNullable(previous);
    }
}
