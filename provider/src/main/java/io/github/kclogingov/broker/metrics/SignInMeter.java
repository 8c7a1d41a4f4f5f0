package io.github.kclogingov.broker.metrics;

import io.github.kclogingov.broker.common.FailureCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/**
 * {@code logingov_sign_ins_total}: every sign-in through a Login.gov provider that came to an end,
 * by realm, provider alias, outcome, reason code, and the level asked for and achieved. One count
 * per sign-in, at the point where its outcome is decided: the end of the broker flows for a success,
 * the answer page for a failure, the return from Login.gov for a cancel.
 */
public final class SignInMeter {

    static final String NAME = "logingov.sign.ins";

    /** The {@code reason} of a sign-in that did not fail. */
    static final String NO_REASON = "none";

    /** How a sign-in ended. */
    public enum Outcome {
        SUCCESS,
        /** Login.gov answered and the broker refused the answer, or Login.gov refused the request. */
        REFUSED,
        /** Login.gov could not be used: unreachable, too slow, a server error, busy. */
        UNAVAILABLE,
        /** The person pressed Cancel at Login.gov. */
        CANCELLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private SignInMeter() {}

    public static void succeeded(String realm, String alias, LevelTags asked, LevelTags achieved) {
        count(realm, alias, Outcome.SUCCESS, NO_REASON, asked, achieved);
    }

    public static void cancelled(String realm, String alias, LevelTags asked) {
        count(realm, alias, Outcome.CANCELLED, NO_REASON, asked, LevelTags.NONE);
    }

    /** A failure: {@link Outcome#UNAVAILABLE} or {@link Outcome#REFUSED}, with its code. */
    public static void failed(String realm, String alias, Outcome outcome, FailureCode reason, LevelTags asked) {
        count(realm, alias, outcome, reason.code(), asked, LevelTags.NONE);
    }

    private static void count(
            String realm, String alias, Outcome outcome, String reason, LevelTags asked, LevelTags achieved) {
        Counter.builder(NAME)
                .description("Sign-ins through a Login.gov provider, by how they ended")
                .tag(TagKeys.REALM, realm)
                .tag(TagKeys.ALIAS, alias)
                .tag(TagKeys.OUTCOME, outcome.tag())
                .tag("reason", reason)
                .tag("ial_asked", asked.ial())
                .tag("aal_asked", asked.aal())
                .tag("ial_achieved", achieved.ial())
                .tag("aal_achieved", achieved.aal())
                .register(Metrics.globalRegistry)
                .increment();
    }
}
