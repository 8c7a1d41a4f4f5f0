package io.github.kclogingov.broker.assurance;

import static io.github.kclogingov.protocol.AcrValuesTest.AAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests a Login.gov assertion recorded for a session: bound to its provider, aged from when it was asserted. */
class RecordedAssertionTest {

    static final long ASSERTED_AT = 1_700_000_000L;

    static final AssertedLevel LEVEL =
            new AssertedLevel(IdentityAssurance.VERIFIED, VERIFIED, AuthenticationAssurance.AAL2, AAL2);

    static final RecordedAssertion ASSERTION = new RecordedAssertion(LEVEL, "logingov", ASSERTED_AT);

    static Instant after(Duration elapsed) {
        return Instant.ofEpochSecond(ASSERTED_AT).plus(elapsed);
    }

    @Test
    void is_not_older_up_to_and_at_max_age() {
        Duration maxAge = Duration.ofSeconds(60);
        assertFalse(ASSERTION.isOlderThan(maxAge, after(Duration.ZERO)));
        assertFalse(ASSERTION.isOlderThan(maxAge, after(maxAge.minusSeconds(1))));
        assertFalse(ASSERTION.isOlderThan(maxAge, after(maxAge)));
    }

    @Test
    void is_older_one_second_past_max_age() {
        Duration maxAge = Duration.ofSeconds(60);
        assertTrue(ASSERTION.isOlderThan(maxAge, after(maxAge.plusSeconds(1))));
        assertTrue(ASSERTION.isOlderThan(maxAge, after(Duration.ofDays(365))));
    }

    @Test
    void a_zero_max_age_serves_only_the_second_of_the_assertion() {
        assertFalse(ASSERTION.isOlderThan(Duration.ZERO, after(Duration.ZERO)));
        assertTrue(ASSERTION.isOlderThan(Duration.ZERO, after(Duration.ofSeconds(1))));
    }

    @Test
    void asserted_after_now_is_not_older() {
        assertFalse(ASSERTION.isOlderThan(Duration.ZERO, Instant.ofEpochSecond(ASSERTED_AT - 3600)));
    }

    @Test
    void counts_whole_seconds() {
        assertFalse(ASSERTION.isOlderThan(Duration.ofSeconds(60), after(Duration.ofMillis(60_999))));
        assertTrue(ASSERTION.isOlderThan(Duration.ofSeconds(60), after(Duration.ofMillis(61_000))));
    }

    @Test
    void always_has_a_level_and_a_provider_alias() {
        assertThrows(IllegalArgumentException.class, () -> new RecordedAssertion(null, "logingov", ASSERTED_AT));
        assertThrows(IllegalArgumentException.class, () -> new RecordedAssertion(LEVEL, null, ASSERTED_AT));
    }
}
