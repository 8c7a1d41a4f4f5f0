package io.github.kclogingov.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/**
 * {@code logingov_security_events_total}: the security events Login.gov pushed to a provider's push
 * URL, by type and outcome. Only a push to a provider that exists and receives events is counted; any
 * other gets the 404 of a URL that does not exist, and no series.
 */
public final class SecurityEventMeter {

    static final String NAME = "logingov.security.events";

    /** The {@code type} of a token refused before its event could be read. */
    public static final String UNREAD_TYPE = "unknown";

    /** The {@code type} of a verified event of a type Login.gov does not define. */
    public static final String OTHER_TYPE = "other";

    /** The {@code error} of an event that was not refused. */
    static final String NO_ERROR = "none";

    /** What the push URL answered. */
    public enum Outcome {
        /** 202: verified, and acted on or recorded. */
        ACCEPTED,
        /** 400 with an RFC 8935 error code. */
        REFUSED,
        /** 503: Login.gov's keys could not be fetched; Login.gov delivers it again later. */
        DEFERRED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private SecurityEventMeter() {}

    public static void accepted(String realm, String alias, String type) {
        count(realm, alias, type, Outcome.ACCEPTED, NO_ERROR);
    }

    /** @param error the RFC 8935 error code of the 400 answer */
    public static void refused(String realm, String alias, String type, String error) {
        count(realm, alias, type, Outcome.REFUSED, error);
    }

    public static void deferred(String realm, String alias, String type) {
        count(realm, alias, type, Outcome.DEFERRED, NO_ERROR);
    }

    private static void count(String realm, String alias, String type, Outcome outcome, String error) {
        Counter.builder(NAME)
                .description("Security events Login.gov pushed, by type and outcome")
                .tag(TagKeys.REALM, realm)
                .tag(TagKeys.ALIAS, alias)
                .tag("type", type)
                .tag(TagKeys.OUTCOME, outcome.tag())
                .tag("error", error)
                .register(Metrics.globalRegistry)
                .increment();
    }
}
