package io.github.kclogingov.broker.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code logingov_upstream_call_seconds}: how long each call to Login.gov's back channel took, from
 * sending to the end of reading the answer (or the failure), as a histogram by endpoint and outcome.
 * The buckets are fixed, from a same-region answer (50 ms) to the longest total deadline a provider
 * may set (10 s), so the series count stays small and the same on every node.
 */
public final class UpstreamCallMeter {

    static final String NAME = "logingov.upstream.call";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    /** How a call ended. */
    public enum Outcome {
        /** 2xx. */
        SUCCESS,
        /** 4xx other than 429. */
        CLIENT_ERROR,
        /** 429. */
        THROTTLED,
        /** 5xx. */
        SERVER_ERROR,
        /** 1xx or 3xx: never an answer Login.gov gives to these calls. */
        OTHER_STATUS,
        /** No answer in time: a connect or read timeout, or the total deadline. */
        TIMEOUT,
        /** No answer at all: refused, reset, unknown host, TLS failure. */
        UNREACHABLE,
        /** An answer longer than the endpoint's limit, abandoned. */
        TOO_LARGE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome of an answer with HTTP status {@code status}. */
        public static Outcome ofStatus(int status) {
            if (status == 429) {
                return THROTTLED;
            }
            if (status >= 200 && status < 300) {
                return SUCCESS;
            }
            if (status >= 400 && status < 500) {
                return CLIENT_ERROR;
            }
            return status >= 500 ? SERVER_ERROR : OTHER_STATUS;
        }
    }

    private UpstreamCallMeter() {}

    /** @param endpoint {@code token}, {@code userinfo} or {@code jwks} */
    public static void record(String endpoint, Outcome outcome, long nanos) {
        Timer.builder(NAME)
                .description("Calls to Login.gov's back channel, by endpoint and outcome")
                .tag("endpoint", endpoint)
                .tag(TagKeys.OUTCOME, outcome.tag())
                .serviceLevelObjectives(BUCKETS)
                .register(Metrics.globalRegistry)
                .record(Duration.ofNanos(nanos));
    }
}
