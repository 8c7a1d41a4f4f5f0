package io.github.kclogingov.broker.fraud;

import java.util.List;

/** Where a report stands. Only the first two are attempted again. */
public enum FraudReportState {
    /** Stored; its first attempt is due or under way. */
    PENDING,
    /** An attempt met a server error, a 429 or no answer in time; another is due at the report's next attempt. */
    RETRYING,
    /** Login.gov answered 202. */
    DELIVERED,
    /** Login.gov answered 400 (its {@code err} and {@code description} are kept), or another final status. */
    REFUSED,
    /** No attempt was answered within {@link RetrySchedule#GIVE_UP_AFTER}. */
    EXPIRED;

    /** The states a sweep attempts. */
    public static final List<String> UNFINISHED = List.of(PENDING.name(), RETRYING.name());

    public boolean finished() {
        return !UNFINISHED.contains(name());
    }
}
