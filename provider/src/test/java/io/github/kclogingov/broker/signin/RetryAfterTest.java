package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

/** Retry-After as RFC 9110 writes it, kept within bounds, and a sane wait when it cannot be read. */
class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @ParameterizedTest(name = "''{0}'' waits {1} s")
    @CsvSource(
            delimiter = '|',
            value = {
                "30                            | 30",
                "' 5 '                         | 5",
                "0                             | 1",
                "600                           | 600",
                "601                           | 600",
                "99999999999999999999          | 600",
                "Mon, 07 Dec 2026 12:00:45 GMT | 45",
                "Mon, 07 Dec 2026 11:00:00 GMT | 1",
                "Tue, 08 Dec 2026 12:00:00 GMT | 600",
                "''                            | 60",
                "soon                          | 60",
                "-5                            | 60",
                "1.5                           | 60",
                "Mon, 07 Dec 2026 25:00:00 GMT | 60"
            })
    void the_wait_is_read_and_bounded(String header, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), RetryAfter.of(header, NOW));
    }

    @ParameterizedTest
    @NullSource
    void no_header_waits_the_default(String header) {
        assertEquals(RetryAfter.DEFAULT, RetryAfter.of(header, NOW));
    }

    @ParameterizedTest
    @CsvSource({"100"})
    void an_overlong_header_is_not_parsed(int length) {
        assertEquals(RetryAfter.DEFAULT, RetryAfter.of("1".repeat(5) + " ".repeat(length), NOW));
    }
}
