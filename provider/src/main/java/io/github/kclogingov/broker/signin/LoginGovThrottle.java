package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Login.gov providers are waiting out a {@code Retry-After}, on this Keycloak node: until the
 * time passes, a new sign-in through the provider is not sent to Login.gov and ends on the page
 * saying Login.gov is busy. Node-local on purpose (a few entries in memory, nothing to replicate):
 * in a cluster, each node learns of the throttle from its own first 429, which is at most one more
 * call per node. Keyed by the realm and the provider's internal id, which no rename changes.
 */
public final class LoginGovThrottle {

    /** Until when, and which endpoint asked for it. */
    public record Hold(Instant until, Endpoint endpoint) {}

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    private LoginGovThrottle() {}

    /** Login.gov answered 429 at {@code now}: the provider waits as {@code busy} says (the later hold wins). */
    public static void hold(String providerId, LoginGovBusyException busy, Instant now) {
        Hold hold = new Hold(now.plus(busy.waitTime()), busy.endpoint());
        HOLDS.merge(providerId, hold, (old, fresh) -> fresh.until().isAfter(old.until()) ? fresh : old);
    }

    /** The hold on {@code providerId} at {@code now}, if one has not passed yet. */
    public static Optional<Hold> active(String providerId, Instant now) {
        Hold hold = HOLDS.get(providerId);
        if (hold == null) {
            return Optional.empty();
        }
        if (!now.isBefore(hold.until())) {
            HOLDS.remove(providerId, hold);
            return Optional.empty();
        }
        return Optional.of(hold);
    }

    /** For tests: forget every hold. */
    static void clear() {
        HOLDS.clear();
    }
}
