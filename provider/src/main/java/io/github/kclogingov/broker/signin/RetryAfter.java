package io.github.kclogingov.broker.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long to leave Login.gov alone after it answered HTTP 429, from its {@code Retry-After} header
 * (RFC 9110 section 10.2.3): delta-seconds ({@code 30}) or an HTTP-date ({@code Wed, 09 Dec 2026
 * 10:00:00 GMT}). Kept within {@link #SHORTEST} and {@link #LONGEST}, so that a date in the past
 * still spaces the sign-ins out and a garbled or hostile value cannot lock Login.gov sign-ins out
 * for hours; {@link #DEFAULT} when the header is missing or cannot be read.
 */
final class RetryAfter {

    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final Duration DEFAULT = Duration.ofSeconds(60);

    /** Longer than any sane header: not parsed. */
    private static final int MAX_LENGTH = 64;

    private RetryAfter() {}

    static Duration of(String header, Instant now) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            return DEFAULT;
        }
        String value = header.trim();
        Duration wait = isDigits(value) ? seconds(value) : untilDate(value, now);
        if (wait == null) {
            return DEFAULT;
        }
        if (wait.compareTo(SHORTEST) < 0) {
            return SHORTEST;
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    private static boolean isDigits(String value) {
        return value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Duration seconds(String digits) {
        // More than ten digits is beyond any bound: the longest wait, without overflowing.
        return digits.length() > 10 ? LONGEST : Duration.ofSeconds(Long.parseLong(digits));
    }

    private static Duration untilDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Duration.between(now, at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
