package io.github.kclogingov.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/**
 * {@code logingov_jwks_fetches_total}: each time Login.gov's signing keys were fetched for a
 * provider, by outcome. Keycloak's key cache fetches on a key ID it does not know, at most once per
 * ten seconds; a steady rate means tokens signed by keys the cache keeps missing.
 */
public final class JwksFetchMeter {

    static final String NAME = "logingov.jwks.fetches";

    /** How a fetch ended. */
    public enum Outcome {
        SUCCESS,
        /** Login.gov could not be reached, or answered a server error or not JSON. */
        UNAVAILABLE,
        /** An answer that is not a JSON Web Key Set. */
        INVALID;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private JwksFetchMeter() {}

    public static void record(String realm, String alias, Outcome outcome) {
        Counter.builder(NAME)
                .description("Fetches of Login.gov's signing keys (JWKS), by outcome")
                .tag(TagKeys.REALM, realm)
                .tag(TagKeys.ALIAS, alias)
                .tag(TagKeys.OUTCOME, outcome.tag())
                .register(Metrics.globalRegistry)
                .increment();
    }
}
