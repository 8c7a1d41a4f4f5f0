package io.github.kclogingov.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The time a relying party's server waits for each of Login.gov's back-channel endpoints beyond the
 * simulator's own work: the round trip to a real Login.gov (about 50 ms from an agency's data
 * centre), which a simulator on localhost does not have. Every request to a delayed endpoint waits it
 * before its answer is written, whatever the answer (an error, an outage, a 429 included). Zero
 * everywhere unless set; set at start ({@link SimulatorConfig.Builder#backChannelDelay}) or at run
 * time (Java or the admin API).
 */
public final class BackChannelDelays {
    /** The longest delay taken: longer is an outage ({@link Outage#SLOW}), not a round trip. */
    public static final Duration MAX = Duration.ofSeconds(10);

    /** How a request waits; tests put one in that records the pauses instead of sleeping. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = pause -> Thread.sleep(pause.toMillis());

    private final Map<Outages.Endpoint, Duration> delays = new EnumMap<>(Outages.Endpoint.class);
    private volatile Sleeper sleeper = THREAD_SLEEP;

    BackChannelDelays(Map<Outages.Endpoint, Duration> initial) {
        initial.forEach(this::set);
    }

    /**
     * From now on every request to {@code endpoint} waits {@code delay} before its answer.
     *
     * @throws IllegalArgumentException unless whole milliseconds from 0 to {@link #MAX}
     */
    public synchronized BackChannelDelays set(Outages.Endpoint endpoint, Duration delay) {
        delays.put(Objects.requireNonNull(endpoint, "endpoint"), checked(delay));
        return this;
    }

    /** The same delay for the token, userinfo and JWKS endpoints (discovery unchanged). */
    public BackChannelDelays setRoundTrip(Duration delay) {
        checked(delay);
        set(Outages.Endpoint.TOKEN, delay);
        set(Outages.Endpoint.USERINFO, delay);
        return set(Outages.Endpoint.JWKS, delay);
    }

    public synchronized Duration of(Outages.Endpoint endpoint) {
        return delays.getOrDefault(endpoint, Duration.ZERO);
    }

    /** Every endpoint answers without added delay again. */
    public synchronized void clear() {
        delays.clear();
    }

    /** E.g. {@code {TOKEN=50 ms, USERINFO=50 ms}}; {@code none} when no endpoint is delayed. */
    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder();
        delays.forEach((endpoint, delay) -> {
            if (!delay.isZero()) {
                text.append(text.length() == 0 ? "{" : ", ")
                        .append(endpoint)
                        .append('=')
                        .append(delay.toMillis())
                        .append(" ms");
            }
        });
        return text.length() == 0 ? "none" : text.append('}').toString();
    }

    /**
     * A delay as this class takes it.
     *
     * @throws IllegalArgumentException unless whole milliseconds from 0 to {@link #MAX}
     */
    static Duration checked(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX) > 0 || delay.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    "a back-channel delay is whole milliseconds from 0 to " + MAX.toMillis() + ", not " + delay);
        }
        return delay;
    }

    /** For this package's tests: how requests wait (null: the real sleep again). */
    void sleeper(Sleeper replacement) {
        this.sleeper = replacement == null ? THREAD_SLEEP : replacement;
    }

    /** Waits the endpoint's delay, if any, on the calling thread (one of the server's pool). */
    void pause(Outages.Endpoint endpoint) throws InterruptedException {
        Duration delay = of(endpoint);
        if (!delay.isZero()) {
            sleeper.sleep(delay);
        }
    }
}
