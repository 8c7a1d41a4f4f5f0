package io.github.kclogingov.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Remembers the {@code jti} of every accepted client assertion until it expires, to refuse replays. */
final class JtiRegistry {
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final ExpiringStore<Boolean> seen;
    private final Clock clock;

    JtiRegistry(Clock clock) {
        this.clock = clock;
        this.seen = new ExpiringStore<>(clock);
    }

    /** True the first time a client uses a jti; false for a replay. */
    synchronized boolean firstUse(String clientId, String jti, Instant expiresAt) {
        String key = clientId + "\n" + jti;
        if (seen.get(key).isPresent()) {
            return false;
        }
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
        seen.put(key, Boolean.TRUE, (untilExpiry.isNegative() ? Duration.ZERO : untilExpiry).plus(MARGIN));
        return true;
    }
}
