package io.github.kclogingov.broker.config;

import java.time.Duration;

/**
 * How long one call from Keycloak to Login.gov (token, userinfo, JWKS) may wait: for the connection
 * to be accepted, for each read of the answer, and for the whole call ({@link #total}). A hung or
 * trickling Login.gov then costs a sign-in at most {@code connect + read} per call, and frees
 * Keycloak's worker thread after it.
 *
 * @param connect to open the connection (and to take one from Keycloak's pool)
 * @param read between two packets of the answer, the first included: a server that never answers
 *     fails after it; one that trickles bytes slower than this fails too
 */
public record UpstreamTimeouts(Duration connect, Duration read) {

    public static final UpstreamTimeouts DEFAULTS = new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public int connectMillis() {
        return Math.toIntExact(connect.toMillis());
    }

    public int readMillis() {
        return Math.toIntExact(read.toMillis());
    }

    /**
     * The deadline of one whole call, from its start to the last byte of the answer, retries of
     * Keycloak's HTTP client included: the connect timeout plus the read timeout. A server that
     * sends a byte just inside the read timeout, again and again, is cut off at this deadline.
     */
    public Duration total() {
        return connect.plus(read);
    }

    public long totalMillis() {
        return total().toMillis();
    }
}
