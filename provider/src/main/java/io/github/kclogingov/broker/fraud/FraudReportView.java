package io.github.kclogingov.broker.fraud;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A report as the admin REST API and the admin console show it. The token's subject (the person's
 * {@code sub} at Login.gov) is not shown: the user id says whom it is about.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FraudReportView(
        String id,
        String userId,
        String alias,
        String eventType,
        String jti,
        String state,
        long createdAt,
        String reportedBy,
        Long occurredAt,
        int attempts,
        Long lastAttemptAt,
        Long nextAttemptAt,
        Integer lastStatus,
        String lastProblem,
        LoginGovError loginGovError) {

    /** {@code reportedBy} of a report the disable rule made. */
    public static final String AUTOMATION = "automation";

    /** Login.gov's refusal, as it gave it. */
    public record LoginGovError(String err, String description) {}

    static FraudReportView of(FraudReportEntity report) {
        boolean unfinished = FraudReportState.UNFINISHED.contains(report.getState());
        return new FraudReportView(
                report.getId(),
                report.getUserId(),
                report.getAlias(),
                report.getEventType(),
                report.getJti(),
                report.getState(),
                report.getCreatedAt(),
                report.getReportedBy(),
                report.getOccurredAt(),
                report.getAttempts(),
                report.getLastAttemptAt(),
                unfinished ? report.getNextAttemptAt() : null,
                report.getLastStatus(),
                report.getLastProblem(),
                report.getLoginGovErr() == null
                        ? null
                        : new LoginGovError(report.getLoginGovErr(), report.getLoginGovDescription()));
    }
}
