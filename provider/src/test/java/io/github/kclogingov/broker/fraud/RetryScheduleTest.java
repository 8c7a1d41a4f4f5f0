package io.github.kclogingov.broker.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void the_delay_doubles_from_ten_seconds_up_to_an_hour() {
        assertEquals(Duration.ofSeconds(10), RetrySchedule.delayAfter(1));
        assertEquals(Duration.ofSeconds(20), RetrySchedule.delayAfter(2));
        assertEquals(Duration.ofSeconds(40), RetrySchedule.delayAfter(3));
        assertEquals(Duration.ofSeconds(2560), RetrySchedule.delayAfter(9));
        assertEquals(Duration.ofHours(1), RetrySchedule.delayAfter(10));
        assertEquals(Duration.ofHours(1), RetrySchedule.delayAfter(500));
    }

    @Test
    void a_report_is_given_up_after_a_week() {
        long created = 1_000_000L;
        assertFalse(RetrySchedule.givenUp(created, created + Duration.ofDays(7).toMillis() - 1));
        assertTrue(RetrySchedule.givenUp(created, created + Duration.ofDays(7).toMillis()));
    }
}
