package io.github.kclogingov.broker.config;

import java.time.Duration;

/**
 * How long one call from Keycloak to Login.gov (token, userinfo, JWKS) may wait: for the connection
 * to be accepted, and for each read of the answer. A hung Login.gov then costs a sign-in at most
 * about {@code connect + read} per call, and frees Keycloak's worker thread after it.
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
}
