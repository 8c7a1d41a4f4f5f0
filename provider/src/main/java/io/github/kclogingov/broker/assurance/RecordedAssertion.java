package io.github.kclogingov.broker.assurance;

import java.time.Duration;
import java.time.Instant;

/**
 * What Login.gov asserted for a user session, bound to the provider that received it and to the
 * time it was asserted: a session signed in through one Login.gov provider never borrows the level
 * another one (sandbox and production in one realm) asserted, and an assertion is reused only
 * while it is fresh.
 *
 * @param level the checked IAL and AAL
 * @param alias the identity provider alias whose sign-in produced it
 * @param assertedAt when, in epoch seconds: Login.gov's {@code auth_time} when released, otherwise
 *     when the broker accepted the answer
 */
public record RecordedAssertion(AssertedLevel level, String alias, long assertedAt) {

    public RecordedAssertion {
        if (level == null || alias == null) {
            throw new IllegalArgumentException("A recorded assertion has a level and a provider alias");
        }
    }

    /** Whether this assertion is older than {@code maxAge} at {@code now}. */
    public boolean isOlderThan(Duration maxAge, Instant now) {
        return now.getEpochSecond() - assertedAt > maxAge.getSeconds();
    }
}
