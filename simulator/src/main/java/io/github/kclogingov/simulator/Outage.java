package io.github.kclogingov.simulator;

/**
 * How one of Login.gov's endpoints fails during an outage ({@link Outages}): the ways a relying
 * party meets an unavailable Login.gov. Unlike the one-shot {@link Faults}, an outage lasts until
 * it is changed or cleared, as a real one does, whatever the relying party retries.
 */
public enum Outage {
    /** Answers as usual. */
    NONE,
    /** Closes the connection without reading the request or answering, like a crashed server. */
    REFUSE,
    /** HTTP 500 with an HTML error page. */
    HTTP_500,
    /** HTTP 200 with an HTML maintenance page instead of JSON, as a proxy in front of a down server answers. */
    HTML,
    /** Answers as usual after a delay ({@link Outages#slowDelay}). */
    SLOW,
    /** Never answers: holds the request until released ({@link Outages#releaseHung}, or a clear), then closes it. */
    HANG,
    /**
     * HTTP 429 (Too Many Requests), {@code text/plain} "Retry later", with the {@code Retry-After}
     * header {@link Outages#retryAfter} (none when unset), as identity-idp's per-IP throttle answers.
     */
    TOO_MANY_REQUESTS,
    /**
     * The usual answer, its status and headers at once and then its body one byte at a time, every
     * {@link Outages#trickleInterval}: each read of the relying party gets a byte within its read
     * timeout while the whole answer takes far longer. A fault, not Login.gov behaviour.
     */
    TRICKLE
}
