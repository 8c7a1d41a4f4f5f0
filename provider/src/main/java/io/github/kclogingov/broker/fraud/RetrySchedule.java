package io.github.kclogingov.broker.fraud;

import java.time.Duration;

/**
 * When a report that met an outage is attempted again: 10 s after the first attempt, then twice as
 * long each time up to an hour, for a week. A few minutes' outage is bridged within minutes; a long
 * one costs Login.gov one attempt an hour per report. A report has no expiry of its own (Login.gov
 * refuses an {@code exp}), so the week is ours: long enough for any outage Login.gov has had, short
 * enough that the administrator learns it did not arrive.
 */
public final class RetrySchedule {

    static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    static final Duration LONGEST_DELAY = Duration.ofHours(1);
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(7);

    private RetrySchedule() {}

    /** The delay after the {@code attempts}-th attempt failed (1 for the first). */
    static Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    /** True when a report created at {@code createdAtMillis} is given up on at {@code nowMillis}. */
    static boolean givenUp(long createdAtMillis, long nowMillis) {
        return nowMillis - createdAtMillis >= GIVE_UP_AFTER.toMillis();
    }
}
