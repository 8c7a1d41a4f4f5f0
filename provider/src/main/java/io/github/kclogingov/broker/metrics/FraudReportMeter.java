package io.github.kclogingov.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code logingov_fraud_report_attempts_total}: each attempt to deliver a fraud report to Login.gov,
 * by type and the report's state after it ({@code delivered}, {@code refused}, {@code retrying},
 * {@code expired}). A rate of {@code retrying} with none {@code delivered} is an outage reports are
 * waiting out; any {@code refused} needs an administrator.
 */
public final class FraudReportMeter {

    static final String NAME = "logingov.fraud.report.attempts";

    private FraudReportMeter() {}

    /** @param state the report's state after the attempt, in lower case */
    public static void attempted(String realm, String alias, String type, String state) {
        Counter.builder(NAME)
                .description("Attempts to deliver fraud reports to Login.gov, by type and resulting state")
                .tag(TagKeys.REALM, realm)
                .tag(TagKeys.ALIAS, alias)
                .tag("type", type)
                .tag("state", state)
                .register(Metrics.globalRegistry)
                .increment();
    }
}
