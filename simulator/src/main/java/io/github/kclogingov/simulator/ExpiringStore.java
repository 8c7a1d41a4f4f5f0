package io.github.kclogingov.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Values that die after a lifetime measured on the simulator's clock: codes, access tokens,
 * sessions, pending pages. Thread-safe.
 */
final class ExpiringStore<T> {
    private record Entry<T>(T value, Instant expiresAt) {}

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpiringStore(Clock clock) {
        this.clock = clock;
    }

    void put(String key, T value, Duration lifetime) {
        entries.put(key, new Entry<>(value, clock.instant().plus(lifetime)));
    }

    /** The live value under the key; an expired one is dropped. */
    Optional<T> get(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Removes the value and returns it if it was still alive: at most one caller gets it. */
    Optional<T> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<T> entry = entries.remove(key);
        return entry != null && clock.instant().isBefore(entry.expiresAt())
                ? Optional.of(entry.value())
                : Optional.empty();
    }

    void remove(String key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    void removeIf(Predicate<T> condition) {
        entries.values().removeIf(entry -> condition.test(entry.value()));
    }

    void clear() {
        entries.clear();
    }
}
