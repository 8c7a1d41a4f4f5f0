package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimValuesTest {

    /** 2024-03-01T12:00:00Z */
    static final long MARCH_FIRST_NOON = 1_709_294_400L;

    static final String MARCH_FIRST_NOON_ISO = "2024-03-01T12:00:00Z";

    @Nested
    class VerifiedAt {

        @Test
        void an_integer_is_epoch_seconds() {
            assertEquals(Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant((int) MARCH_FIRST_NOON));
        }

        @Test
        void a_long_is_epoch_seconds() {
            assertEquals(Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant(MARCH_FIRST_NOON));
        }

        @Test
        void a_double_is_epoch_seconds() {
            assertEquals(
                    Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant((double) MARCH_FIRST_NOON));
        }

        @Test
        void a_fractional_second_is_dropped() {
            assertEquals(
                    Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant(MARCH_FIRST_NOON + 0.75));
            assertEquals(Optional.of("1970-01-01T00:01:40Z"), ClaimValues.verifiedAtAsIsoInstant(100.5f));
        }

        @Test
        void other_number_types_are_epoch_seconds() {
            assertEquals(
                    Optional.of(MARCH_FIRST_NOON_ISO),
                    ClaimValues.verifiedAtAsIsoInstant(BigDecimal.valueOf(MARCH_FIRST_NOON)));
            assertEquals(
                    Optional.of(MARCH_FIRST_NOON_ISO),
                    ClaimValues.verifiedAtAsIsoInstant(BigInteger.valueOf(MARCH_FIRST_NOON)));
            assertEquals(Optional.of("1970-01-01T00:01:40Z"), ClaimValues.verifiedAtAsIsoInstant((short) 100));
        }

        @Test
        void the_epoch_itself_is_a_time() {
            assertEquals(Optional.of("1970-01-01T00:00:00Z"), ClaimValues.verifiedAtAsIsoInstant(0));
        }

        @Test
        void null_is_unknown() {
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(null));
        }

        @Test
        void a_number_as_text_is_epoch_seconds() {
            // Keycloak hands a userinfo number over as its text.
            assertEquals(Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant("1709294400"));
            assertEquals(Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant("1.7092944E9"));
            assertEquals(Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant(" 1709294400.0 "));
        }

        @Test
        void an_iso_instant_is_returned_unchanged() {
            assertEquals(Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant(MARCH_FIRST_NOON_ISO));
            assertEquals(
                    Optional.of("2024-03-01T12:00:00.123Z"),
                    ClaimValues.verifiedAtAsIsoInstant("2024-03-01T12:00:00.123Z"));
            assertEquals(
                    Optional.of(MARCH_FIRST_NOON_ISO),
                    ClaimValues.verifiedAtAsIsoInstant(new StringBuilder(MARCH_FIRST_NOON_ISO)));
        }

        @Test
        void a_negative_number_is_garbage() {
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(-1));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(-MARCH_FIRST_NOON));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(-0.5));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant("-1709294400"));
        }

        @Test
        void a_time_past_year_9999_is_garbage() {
            assertEquals(Optional.of("9999-12-31T23:59:59Z"), ClaimValues.verifiedAtAsIsoInstant(253_402_300_799L));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(253_402_300_800L));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Long.MAX_VALUE));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Double.MAX_VALUE));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant("1E+999999"));
        }

        @Test
        void not_a_number_is_garbage() {
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Double.NaN));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Double.POSITIVE_INFINITY));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Float.NEGATIVE_INFINITY));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "   ",
                    "yesterday",
                    "NaN",
                    "Infinity",
                    "0x1F",
                    "+1709294400",
                    "1709294400s",
                    "2024-03-01",
                    "2024-03-01T12:00:00",
                    "12:00:00Z",
                    "null",
                    "true",
                    "１７０９２９４４００"
                })
        void other_text_is_garbage(String text) {
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(text));
        }

        @Test
        void other_types_are_garbage() {
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Boolean.TRUE));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(List.of(MARCH_FIRST_NOON)));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(Map.of("verified_at", MARCH_FIRST_NOON)));
            assertEquals(Optional.empty(), ClaimValues.verifiedAtAsIsoInstant(new Object()));
        }
    }

    @Nested
    class SocialSecurityNumber {

        @Test
        void nine_digits_give_the_last_four() {
            assertEquals(Optional.of("6789"), ClaimValues.lastFour("123456789"));
        }

        @Test
        void leading_zeros_are_kept() {
            assertEquals(Optional.of("0001"), ClaimValues.lastFour("000000001"));
            assertEquals(Optional.of("000000001"), ClaimValues.ssnDigits("000000001"));
        }

        @Test
        void dashes_and_spaces_are_removed() {
            assertEquals(Optional.of("6789"), ClaimValues.lastFour("123-45-6789"));
            assertEquals(Optional.of("6789"), ClaimValues.lastFour(" 123 45 6789 "));
            assertEquals(Optional.of("123456789"), ClaimValues.ssnDigits("123-45-6789"));
            assertEquals(Optional.of("123456789"), ClaimValues.ssnDigits("123 45-6789"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "   ",
                    "12345678",
                    "1234567890",
                    "123-45-678",
                    "123-45-67890",
                    "6789",
                    "12345678a",
                    "123.45.6789",
                    "123_45_6789",
                    "+123456789",
                    "١٢٣٤٥٦٧٨٩",
                    "123\t456789"
                })
        void anything_but_nine_digits_is_empty(String ssn) {
            assertEquals(Optional.empty(), ClaimValues.lastFour(ssn));
            assertEquals(Optional.empty(), ClaimValues.ssnDigits(ssn));
        }

        @Test
        void null_is_empty() {
            assertEquals(Optional.empty(), ClaimValues.lastFour(null));
            assertEquals(Optional.empty(), ClaimValues.ssnDigits(null));
        }
    }

    @Nested
    class Address {

        static Map<String, Object> loginGovAddress() {
            Map<String, Object> claim = new HashMap<>();
            claim.put("formatted", "1 Main St\nApt 2\nWashington, DC 20001");
            claim.put("street_address", "1 Main St\nApt 2");
            claim.put("locality", "Washington");
            claim.put("region", "DC");
            claim.put("postal_code", "20001");
            return claim;
        }

        @Test
        void all_five_parts_are_read() {
            ClaimValues.Address address = ClaimValues.address(loginGovAddress()).orElseThrow();
            assertEquals("1 Main St\nApt 2\nWashington, DC 20001", address.formatted());
            assertEquals("1 Main St\nApt 2", address.streetAddress());
            assertEquals("Washington", address.locality());
            assertEquals("DC", address.region());
            assertEquals("20001", address.postalCode());
        }

        @Test
        void parts_are_reached_by_their_claim_key() {
            ClaimValues.Address address = ClaimValues.address(loginGovAddress()).orElseThrow();
            assertEquals("1 Main St\nApt 2", address.part(ClaimValues.STREET_ADDRESS));
            assertEquals("Washington", address.part(ClaimValues.LOCALITY));
            assertEquals("DC", address.part(ClaimValues.REGION));
            assertEquals("20001", address.part(ClaimValues.POSTAL_CODE));
            assertEquals(address.formatted(), address.part(ClaimValues.FORMATTED));
            assertNull(address.part("country"));
        }

        @Test
        void an_absent_null_blank_or_non_text_part_is_null() {
            Map<String, Object> claim = loginGovAddress();
            claim.remove("formatted");
            claim.put("street_address", null);
            claim.put("locality", "  ");
            claim.put("region", List.of("DC"));
            ClaimValues.Address address = ClaimValues.address(claim).orElseThrow();
            assertNull(address.formatted());
            assertNull(address.streetAddress());
            assertNull(address.locality());
            assertNull(address.region());
            assertEquals("20001", address.postalCode());
        }

        @Test
        void a_number_is_read_as_text_and_surrounding_blanks_are_trimmed() {
            Map<String, Object> claim = new HashMap<>();
            claim.put("postal_code", 20001);
            claim.put("locality", " Washington ");
            ClaimValues.Address address = ClaimValues.address(claim).orElseThrow();
            assertEquals("20001", address.postalCode());
            assertEquals("Washington", address.locality());
        }

        @Test
        void no_object_or_no_part_is_empty() {
            assertEquals(Optional.empty(), ClaimValues.address(null));
            assertEquals(Optional.empty(), ClaimValues.address("1 Main St"));
            assertEquals(Optional.empty(), ClaimValues.address(Map.of()));
            assertEquals(Optional.empty(), ClaimValues.address(Map.of("country", "US")));
        }
    }

    /** Each of these once had a way to cost seconds (or hang) in a BigDecimal or a regular expression. */
    @Nested
    class HostileValues {

        static void assertEmptyAtOnce(Object claim) {
            Optional<String> result =
                    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ClaimValues.verifiedAtAsIsoInstant(claim));
            assertEquals(Optional.empty(), result);
        }

        @Test
        void a_huge_exponent_as_a_number_or_as_text_is_unknown() {
            assertEmptyAtOnce(HostileClaims.HUGE_EXPONENT);
            assertEmptyAtOnce(HostileClaims.HUGE_NEGATIVE_EXPONENT);
            assertEmptyAtOnce(HostileClaims.TINY_EXPONENT);
            assertEmptyAtOnce(HostileClaims.HUGE_EXPONENT_TEXT);
            assertEmptyAtOnce("-" + HostileClaims.HUGE_EXPONENT_TEXT);
            assertEmptyAtOnce("1e-999999999");
            assertEmptyAtOnce(Double.POSITIVE_INFINITY);
            assertEmptyAtOnce(Double.NaN);
        }

        @Test
        void ten_thousand_digits_as_a_number_or_as_text_are_unknown() {
            assertEmptyAtOnce(HostileClaims.TEN_THOUSAND_DIGIT_NUMBER);
            assertEmptyAtOnce(new BigDecimal(HostileClaims.TEN_THOUSAND_DIGIT_NUMBER));
            assertEmptyAtOnce(HostileClaims.TEN_THOUSAND_DIGITS);
        }

        @Test
        void a_megabyte_of_text_is_unknown() {
            assertEmptyAtOnce(HostileClaims.ONE_MEGABYTE);
            assertEmptyAtOnce(" ".repeat(100) + "1709294400");
        }

        @Test
        void an_epoch_with_many_decimal_places_is_still_read() {
            assertEquals(
                    Optional.of(MARCH_FIRST_NOON_ISO), ClaimValues.verifiedAtAsIsoInstant("1709294400.000000000000"));
        }

        @Test
        void a_megabyte_is_no_social_security_number() {
            assertEquals(Optional.empty(), ClaimValues.ssnDigits(HostileClaims.ONE_MEGABYTE));
            assertEquals(Optional.empty(), ClaimValues.lastFour(HostileClaims.ONE_MEGABYTE));
        }

        @Test
        void an_address_part_over_the_stored_length_is_left_out() {
            String longest = "a".repeat(ClaimValues.MAX_STORED_LENGTH);
            Optional<ClaimValues.Address> address = ClaimValues.address(Map.of(
                    "locality",
                    longest,
                    "region",
                    longest + "b",
                    "postal_code",
                    HostileClaims.TEN_THOUSAND_DIGIT_NUMBER));
            assertEquals(longest, address.orElseThrow().locality());
            assertNull(address.orElseThrow().region());
            assertNull(address.orElseThrow().postalCode());
        }
    }
}
