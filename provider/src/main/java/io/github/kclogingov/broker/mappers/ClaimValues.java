package io.github.kclogingov.broker.mappers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the values of Login.gov claims into what is stored about a user. Pure functions: the claim
 * value comes in as the JSON parser left it (a number may be an {@link Integer}, {@link Long},
 * {@link Double} or, after a detour through a JSON tree, its text).
 */
public final class ClaimValues {

    /** Keys of Login.gov's {@code address} claim. There is no {@code country}. */
    public static final String FORMATTED = "formatted";

    public static final String STREET_ADDRESS = "street_address";
    public static final String LOCALITY = "locality";
    public static final String REGION = "region";
    public static final String POSTAL_CODE = "postal_code";

    /**
     * Longest value stored in a user attribute, in characters: Login.gov's longest (an address, an
     * X.509 subject) is a few hundred; a longer one is hostile, and is not stored.
     */
    public static final int MAX_STORED_LENGTH = 2048;

    /**
     * Longest text read as a {@code verified_at} number or instant: 12 digits of seconds, a
     * fraction and an exponent fit. Checked before any parsing, so that a megabyte of digits
     * costs a length check.
     */
    static final int MAX_TIME_TEXT = 40;

    /** Widest unscaled value and largest scale of a decimal {@code verified_at}: far beyond epoch seconds, far below a slow BigDecimal. */
    private static final int MAX_TIME_BITS = 128;

    private static final int MAX_TIME_SCALE = 40;

    /** Longest text read as a Social Security number: 11 characters with dashes, a few blanks of slack. */
    private static final int MAX_SSN_TEXT = 16;

    /** 9999-12-31T23:59:59Z: beyond it {@link Instant#toString()} is no longer plain ISO-8601. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");
    private static final Pattern DECIMAL = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern SSN_SEPARATORS = Pattern.compile("[- ]");

    private ClaimValues() {}

    /**
     * {@code verified_at} as an ISO-8601 UTC instant such as {@code 2024-03-01T12:00:00Z}.
     *
     * <p>Login.gov sends epoch seconds as a JSON number, or {@code null} when it does not know
     * (always for an auth-only service provider): {@code null} means unknown, not "never verified".
     * A number written as text (JSON trees hand numbers over that way) counts as a number; a text
     * that already is an ISO-8601 instant is returned as it is (trimmed). A fractional second is
     * dropped. Anything else (a negative number, a date past year 9999, a boolean, other text) is
     * empty. Sizes are checked before any conversion: {@code 1e999999999} (as a number or as
     * text), a 10000-digit number or a megabyte of text is empty at once, never turned into a
     * BigDecimal whose rounding would compute a billion-digit power of ten.
     */
    public static Optional<String> verifiedAtAsIsoInstant(Object claim) {
        if (claim instanceof Integer || claim instanceof Long || claim instanceof Short || claim instanceof Byte) {
            return epochSeconds(BigDecimal.valueOf(((Number) claim).longValue()));
        }
        if (claim instanceof Double || claim instanceof Float) {
            double value = ((Number) claim).doubleValue();
            return Double.isFinite(value) ? epochSeconds(BigDecimal.valueOf(value)) : Optional.empty();
        }
        if (claim instanceof BigDecimal decimal) {
            return epochSeconds(decimal);
        }
        if (claim instanceof BigInteger integer) {
            return integer.bitLength() < Long.SIZE ? epochSeconds(new BigDecimal(integer)) : Optional.empty();
        }
        if (claim instanceof Number number) {
            return parseNumber(number.toString()).flatMap(ClaimValues::epochSeconds);
        }
        if (claim instanceof CharSequence chars) {
            if (chars.length() > MAX_TIME_TEXT + 16) {
                return Optional.empty(); // even after trimming blanks, too long to be a time
            }
            String text = chars.toString().strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<BigDecimal> number = parseNumber(text);
            if (number.isPresent()) {
                return number.flatMap(ClaimValues::epochSeconds);
            }
            return isIsoInstant(text) ? Optional.of(text) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The last four digits of a Social Security number: Login.gov sends 9 digits; dashes and
     * spaces are tolerated. Anything that is not then exactly 9 digits is empty.
     */
    public static Optional<String> lastFour(String ssn) {
        return ssnDigits(ssn).map(digits -> digits.substring(5));
    }

    /** The 9 digits of a Social Security number, without dashes or spaces; empty unless exactly 9 digits. */
    public static Optional<String> ssnDigits(String ssn) {
        if (ssn == null || ssn.length() > MAX_SSN_TEXT) {
            return Optional.empty();
        }
        String digits = SSN_SEPARATORS.matcher(ssn).replaceAll("");
        return NINE_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Reads Login.gov's {@code address} claim, a JSON object. Empty if the claim is not an object
     * or holds none of the five parts.
     */
    public static Optional<Address> address(Object claim) {
        if (!(claim instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Address address = new Address(
                text(map.get(FORMATTED)),
                text(map.get(STREET_ADDRESS)),
                text(map.get(LOCALITY)),
                text(map.get(REGION)),
                text(map.get(POSTAL_CODE)));
        return address.isEmpty() ? Optional.empty() : Optional.of(address);
    }

    /**
     * The parts of Login.gov's {@code address} claim; a part that was absent, null, blank or not
     * text is {@code null}. {@code streetAddress} may hold a newline before a second line;
     * {@code formatted} is the street address, a newline and "City, ST 12345".
     */
    public record Address(String formatted, String streetAddress, String locality, String region, String postalCode) {

        /** The part under one of the claim's keys ({@link #STREET_ADDRESS}, ...); {@code null} for another key. */
        public String part(String key) {
            return switch (key) {
                case FORMATTED -> formatted;
                case STREET_ADDRESS -> streetAddress;
                case LOCALITY -> locality;
                case REGION -> region;
                case POSTAL_CODE -> postalCode;
                default -> null;
            };
        }

        boolean isEmpty() {
            return formatted == null
                    && streetAddress == null
                    && locality == null
                    && region == null
                    && postalCode == null;
        }
    }

    /** A part as text; null when absent, blank, not text, or longer than {@link #MAX_STORED_LENGTH}. */
    private static String text(Object value) {
        boolean bounded = value instanceof CharSequence chars
                ? chars.length() <= MAX_STORED_LENGTH
                : value instanceof Number number && ClaimBounds.number(number);
        if (!bounded) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() || text.length() > MAX_STORED_LENGTH ? null : text;
    }

    private static Optional<BigDecimal> parseNumber(String text) {
        // Plain decimal or scientific notation of ASCII digits only ("1709294400", "1.7092944E9").
        if (text.length() > MAX_TIME_TEXT || !DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> epochSeconds(BigDecimal seconds) {
        // The scale first: rounding 1e-999999999 or comparing 1e999999999 is cheap, but it is not worth trusting.
        if (Math.abs((long) seconds.scale()) > MAX_TIME_SCALE
                || seconds.unscaledValue().bitLength() > MAX_TIME_BITS) {
            return Optional.empty();
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) {
            return Optional.empty();
        }
        long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
        return Optional.of(Instant.ofEpochSecond(whole).toString());
    }

    private static boolean isIsoInstant(String text) {
        if (text.length() > MAX_TIME_TEXT) {
            return false; // and the parser's exception would copy the whole text into its message
        }
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
