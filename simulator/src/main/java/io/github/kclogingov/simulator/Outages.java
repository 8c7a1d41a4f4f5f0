package io.github.kclogingov.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which of Login.gov's server-to-server endpoints are down, and how ({@link Outage}). Set at run
 * time (Java or the admin API), lasting until changed or cleared. A hung request holds one of the
 * simulator's threads until released, at most {@link #MAX_HANG}, so a clear after each test frees them.
 */
public final class Outages {

    /** The endpoints an outage can hit: those a relying party's server calls, not the browser's pages. */
    public enum Endpoint {
        DISCOVERY,
        JWKS,
        TOKEN,
        USERINFO
    }

    static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(3);

    /** A forgotten hang ends by itself, so that the simulator's threads come back. */
    static final Duration MAX_HANG = Duration.ofMinutes(2);

    private final Map<Endpoint, Outage> current = new ConcurrentHashMap<>();
    private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
    private final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
    private final AtomicInteger hanging = new AtomicInteger();

    Outages() {}

    /** From now on, {@code endpoint} fails this way ({@link Outage#NONE}: answers as usual again). */
    public Outages set(Endpoint endpoint, Outage outage) {
        if (outage == Outage.NONE) {
            current.remove(endpoint);
        } else {
            current.put(endpoint, outage);
        }
        return this;
    }

    /** How long a {@link Outage#SLOW} endpoint waits before answering; 3 seconds unless set. */
    public Outages slowDelay(Duration delay) {
        if (delay.isNegative() || delay.compareTo(MAX_HANG) > 0) {
            throw new IllegalArgumentException("a delay from 0 to " + MAX_HANG.toMillis() + " ms, not " + delay);
        }
        slowDelay = delay;
        return this;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    public Outage of(Endpoint endpoint) {
        return current.getOrDefault(endpoint, Outage.NONE);
    }

    Optional<Outage> active(Endpoint endpoint) {
        return Optional.ofNullable(current.get(endpoint));
    }

    /** How many requests {@link Outage#HANG} holds now: a test waits for its request to be held. */
    public int hanging() {
        return hanging.get();
    }

    /** Lets every request held by {@link Outage#HANG} go (each is closed without an answer). */
    public void releaseHung() {
        release.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** Every endpoint answers as usual again, with the default delay, and hung requests are let go. */
    public void clear() {
        current.clear();
        slowDelay = DEFAULT_SLOW_DELAY;
        releaseHung();
    }

    /** Blocks a hung request until {@link #releaseHung}, at most {@link #MAX_HANG}. */
    void hang() throws InterruptedException {
        CountDownLatch latch = release.get();
        hanging.incrementAndGet();
        try {
            latch.await(MAX_HANG.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            hanging.decrementAndGet();
        }
    }
}
