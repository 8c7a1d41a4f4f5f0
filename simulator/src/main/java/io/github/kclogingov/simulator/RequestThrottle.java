package io.github.kclogingov.simulator;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Login.gov's per-IP throttle, as Rack::Attack counts it for identity-idp: each request from an
 * address adds one to that address's count for the current window (windows of {@code period}
 * seconds aligned on the epoch); a request that takes the count past the limit, and every later one
 * in the window, is answered HTTP 429, and a new window starts from zero. Throttled requests count
 * too. Persistent until changed; {@link #reset()} forgets the counts.
 */
public final class RequestThrottle {
    private static final System.Logger LOG = System.getLogger(RequestThrottle.class.getName());

    /** One address's count in one window. */
    private record Count(long window, long requests) {}

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final Clock clock;
    private volatile ThrottleSettings settings;

    RequestThrottle(Clock clock, ThrottleSettings settings) {
        this.clock = clock;
        set(settings);
    }

    /** New settings; the counts start again. */
    public void set(ThrottleSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
        counts.clear();
        LOG.log(
                Level.INFO,
                "throttle {0}",
                newSettings.enabled()
                        ? newSettings.limit() + " requests per "
                                + newSettings.period().getSeconds() + " s per IP"
                        : "off");
    }

    /** On, at {@code limit} requests per {@code period} from one address. */
    public void enable(int limit, Duration period) {
        set(ThrottleSettings.of(limit, period));
    }

    public void disable() {
        set(ThrottleSettings.off());
    }

    public ThrottleSettings settings() {
        return settings;
    }

    /** Forgets every address's count, keeping the settings. */
    public void reset() {
        counts.clear();
    }

    /** How many requests were answered 429 since the simulator started. */
    public long throttledRequests() {
        return throttled.get();
    }

    /** Counts a request from {@code address}; false when it must be answered 429. */
    boolean admit(String address) {
        ThrottleSettings current = settings;
        if (!current.enabled()) {
            return true;
        }
        long window = clock.instant().getEpochSecond() / current.period().getSeconds();
        Count count = counts.compute(
                address,
                (key, found) -> found == null || found.window() != window
                        ? new Count(window, 1)
                        : new Count(window, found.requests() + 1));
        if (counts.size() > 1024) {
            counts.values().removeIf(stale -> stale.window() != window);
        }
        if (count.requests() <= current.limit()) {
            return true;
        }
        throttled.incrementAndGet();
        return false;
    }
}
