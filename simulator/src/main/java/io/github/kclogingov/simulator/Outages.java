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
 * Which of Login.gov's server-to-server endpoints are down, and how ({@link Outage}), and the
 * variations of their answers a legitimate server may make (media types, problem details). Set at run
 * time (Java or the admin API), lasting until changed or cleared. A hung request holds one of the
 * simulator's threads until released, at most {@link #MAX_HANG}, so a clear after each test frees them.
 */
public final class Outages {

    /** The endpoints an outage can hit: those a relying party's server calls, not the browser's pages. */
    public enum Endpoint {
        DISCOVERY,
        JWKS,
        TOKEN,
        USERINFO,
        /** {@code api/risc/security_events}, where a partner sends its security events (fraud reports). */
        PARTNER_EVENTS
    }

    static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(3);

    static final Duration DEFAULT_TRICKLE_INTERVAL = Duration.ofMillis(300);

    /** Longest media type or Retry-After value taken: anything longer is no header a server sends. */
    static final int MAX_HEADER_VALUE = 200;

    /** A forgotten hang ends by itself, so that the simulator's threads come back. */
    static final Duration MAX_HANG = Duration.ofMinutes(2);

    private final Map<Endpoint, Outage> current = new ConcurrentHashMap<>();
    private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
    private volatile Duration trickleInterval = DEFAULT_TRICKLE_INTERVAL;
    private volatile String retryAfter;
    private final Map<Endpoint, String> mediaTypes = new ConcurrentHashMap<>();
    private volatile boolean problemDetails;
    private final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
    private final AtomicInteger hanging = new AtomicInteger();
    private final Map<Endpoint, AtomicInteger> answered = new ConcurrentHashMap<>();

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

    /** How long a {@link Outage#TRICKLE} endpoint waits between two bytes of its answer; 300 ms unless set. */
    public Outages trickleInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(MAX_HANG) > 0) {
            throw new IllegalArgumentException("an interval from 1 to " + MAX_HANG.toMillis() + " ms, not " + interval);
        }
        trickleInterval = interval;
        return this;
    }

    public Duration trickleInterval() {
        return trickleInterval;
    }

    /**
     * The {@code Retry-After} header of a {@link Outage#TOO_MANY_REQUESTS} answer, sent as it is
     * (delta-seconds, an HTTP-date, or anything else a test needs); null: no header.
     */
    public Outages retryAfter(String value) {
        retryAfter = headerValue(value);
        return this;
    }

    public String retryAfter() {
        return retryAfter;
    }

    /**
     * A variation, not an outage: every answer of {@code endpoint} carries this {@code Content-Type}
     * instead of the usual {@code application/json; charset=utf-8} (e.g. {@code
     * application/jwk-set+json}, {@code Application/JSON;Charset=UTF-8}); null: the usual one again.
     */
    public Outages mediaType(Endpoint endpoint, String contentType) {
        String value = headerValue(contentType);
        if (value == null) {
            mediaTypes.remove(endpoint);
        } else {
            mediaTypes.put(endpoint, value);
        }
        return this;
    }

    public Optional<String> mediaType(Endpoint endpoint) {
        return Optional.ofNullable(mediaTypes.get(endpoint));
    }

    /**
     * A variation, not Login.gov's behaviour: the token endpoint's errors (HTTP 400) as RFC 9457
     * problem details, {@code application/problem+json} with {@code title} and {@code detail} (Login.gov's
     * error text), instead of Login.gov's {@code {"error": text}}.
     */
    public Outages tokenErrorsAsProblemDetails(boolean problem) {
        problemDetails = problem;
        return this;
    }

    public boolean tokenErrorsAsProblemDetails() {
        return problemDetails;
    }

    private static String headerValue(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()
                || value.length() > MAX_HEADER_VALUE
                || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "a header value of 1 to " + MAX_HEADER_VALUE + " printable ASCII characters");
        }
        return value;
    }

    public Outage of(Endpoint endpoint) {
        return current.getOrDefault(endpoint, Outage.NONE);
    }

    Optional<Outage> active(Endpoint endpoint) {
        return Optional.ofNullable(current.get(endpoint));
    }

    /**
     * How many requests {@code endpoint} answered with an outage (instead of its usual answer) since
     * the last {@link #clear}: the endpoint's own record (the recorder) does not see them.
     */
    public int answeredDuringOutage(Endpoint endpoint) {
        AtomicInteger count = answered.get(endpoint);
        return count == null ? 0 : count.get();
    }

    void countOutageAnswer(Endpoint endpoint) {
        answered.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
    }

    /** How many requests {@link Outage#HANG} holds now: a test waits for its request to be held. */
    public int hanging() {
        return hanging.get();
    }

    /** Lets every request held by {@link Outage#HANG} go (each is closed without an answer). */
    public void releaseHung() {
        release.getAndSet(new CountDownLatch(1)).countDown();
    }

    /**
     * Every endpoint answers as usual again (media types and token errors included), with the
     * default delays and no Retry-After, and hung requests are let go.
     */
    public void clear() {
        current.clear();
        slowDelay = DEFAULT_SLOW_DELAY;
        trickleInterval = DEFAULT_TRICKLE_INTERVAL;
        retryAfter = null;
        mediaTypes.clear();
        problemDetails = false;
        answered.clear();
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
