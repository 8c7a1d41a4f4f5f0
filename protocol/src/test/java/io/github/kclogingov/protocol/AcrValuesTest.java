package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

public class AcrValuesTest {

    public static final String AUTH_ONLY = "urn:acr.login.gov:auth-only";
    public static final String VERIFIED = "urn:acr.login.gov:verified";
    public static final String AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";
    public static final String FACIAL_MATCH_REQUIRED = "urn:acr.login.gov:verified-facial-match-required";
    public static final String FACIAL_MATCH_PREFERRED = "urn:acr.login.gov:verified-facial-match-preferred";
    public static final String LEGACY_IAL1 = "http://idmanagement.gov/ns/assurance/ial/1";
    public static final String LEGACY_IAL2 = "http://idmanagement.gov/ns/assurance/ial/2";
    public static final String LEGACY_IALMAX = "http://idmanagement.gov/ns/assurance/ial/0";
    public static final String PHISHING_RESISTANT =
            "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true";
    public static final String LEGACY_PHISHING_RESISTANT = "http://idmanagement.gov/ns/assurance/aal/3";
    public static final String PIV_CAC = "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true";
    public static final String DEFAULT_AAL = "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo";

    public static AcrValues acr(String parameter) {
        try {
            return AcrValues.parse(parameter);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Parsing {
        @Test
        void one_ial_value_alone_is_accepted() throws Exception {
            AcrValues acr = AcrValues.parse(VERIFIED);
            assertEquals(IdentityAssurance.VERIFIED, acr.ial());
            assertNull(acr.aal());
            assertEquals(AcrForm.SEMANTIC, acr.form());
        }

        @Test
        void ial_and_aal_in_any_order_are_accepted() throws Exception {
            AcrValues acr = AcrValues.parse(AAL2 + "  " + AUTH_ONLY);
            assertEquals(IdentityAssurance.AUTH_ONLY, acr.ial());
            assertEquals(AuthenticationAssurance.AAL2, acr.aal());
            assertEquals(AUTH_ONLY + " " + AAL2, acr.toParameter());
        }

        @Test
        void unknown_values_are_dropped_as_production_does() throws Exception {
            AcrValues acr = AcrValues.parse("gold " + AUTH_ONLY + " http://idmanagement.gov/ns/assurance/aal/1");
            assertEquals(IdentityAssurance.AUTH_ONLY, acr.ial());
            assertNull(acr.aal());
        }

        @Test
        void aal_alone_is_missing_a_valid_ial_level() {
            var e = assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse(AAL2));
            assertEquals(AcrValues.MISSING_IAL, e.getMessage());
        }

        @Test
        void nothing_is_missing_a_valid_ial_level() {
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse(null));
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse("  "));
        }

        @Test
        void two_ial_values_are_refused() {
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse(AUTH_ONLY + " " + VERIFIED));
        }

        @Test
        void two_aal_values_are_refused() {
            assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parse(AUTH_ONLY + " " + AAL2 + " " + AuthenticationAssurance.PIV_CAC.value()));
        }

        @Test
        void legacy_values_keep_their_spelling_and_form() throws Exception {
            AcrValues acr = AcrValues.parse(
                    "http://idmanagement.gov/ns/assurance/loa/3 http://idmanagement.gov/ns/assurance/aal/3");
            assertEquals(IdentityAssurance.VERIFIED, acr.ial());
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT, acr.aal());
            assertEquals(AcrForm.LEGACY, acr.form());
            assertEquals(
                    "http://idmanagement.gov/ns/assurance/loa/3 http://idmanagement.gov/ns/assurance/aal/3",
                    acr.toParameter());
        }
    }

    /** identity-idp's authorize form: AALS_BY_PRIORITY & acr_values, the first (highest) one counts. */
    @Nested
    class HighestAal {
        @Test
        void several_aal_values_are_accepted_and_the_most_demanding_counts() throws Exception {
            AcrValues acr = AcrValues.parseHighestAal(DEFAULT_AAL + " " + PIV_CAC + " " + VERIFIED + " " + AAL2);
            assertEquals(IdentityAssurance.VERIFIED, acr.ial());
            assertEquals(AuthenticationAssurance.PIV_CAC, acr.aal());
            assertEquals(PIV_CAC, acr.expectedAalValue());
        }

        @Test
        void the_current_spelling_wins_over_its_legacy_alias_whatever_the_order() throws Exception {
            assertEquals(
                    PHISHING_RESISTANT,
                    AcrValues.parseHighestAal(AUTH_ONLY + " " + LEGACY_PHISHING_RESISTANT + " " + PHISHING_RESISTANT)
                            .expectedAalValue());
            assertEquals(
                    PHISHING_RESISTANT,
                    AcrValues.parseHighestAal(AUTH_ONLY + " " + PHISHING_RESISTANT + " " + LEGACY_PHISHING_RESISTANT)
                            .expectedAalValue());
        }

        @Test
        void a_legacy_alias_alone_is_echoed_as_written() throws Exception {
            assertEquals(
                    LEGACY_PHISHING_RESISTANT,
                    AcrValues.parseHighestAal(AUTH_ONLY + " " + AAL2 + " " + LEGACY_PHISHING_RESISTANT)
                            .expectedAalValue());
        }

        @Test
        void without_an_aal_value_the_default_is_echoed() throws Exception {
            assertEquals(DEFAULT_AAL, AcrValues.parseHighestAal(AUTH_ONLY).expectedAalValue());
        }

        @Test
        void the_ial_rules_stay_those_of_parse() {
            assertThrows(
                    AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parseHighestAal(AAL2 + " " + PIV_CAC));
            assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parseHighestAal(AUTH_ONLY + " " + VERIFIED + " " + AAL2));
        }
    }

    @Nested
    class Building {
        @Test
        void semantic_form_uses_the_urn() {
            assertEquals(
                    VERIFIED + " " + AAL2,
                    AcrValues.of(IdentityAssurance.VERIFIED, AuthenticationAssurance.AAL2, AcrForm.SEMANTIC)
                            .toParameter());
        }

        @Test
        void ialmax_has_only_a_legacy_form() {
            assertEquals(
                    "http://idmanagement.gov/ns/assurance/ial/0",
                    AcrValues.of(IdentityAssurance.IALMAX, null, AcrForm.SEMANTIC)
                            .toParameter());
        }
    }

    @Nested
    class ConfiguredByAnAdministrator {
        @Test
        void an_unknown_value_is_refused_and_named_rather_than_dropped() {
            var e = assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parseConfigured("gold " + VERIFIED + " urn:acr.login.gov:verifed"));
            assertTrue(e.getMessage().contains("gold, urn:acr.login.gov:verifed"), e.getMessage());
            assertFalse(e.getMessage().contains(VERIFIED + ","), e.getMessage());
        }

        @Test
        void aal_1_is_an_unknown_value() {
            var e = assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parseConfigured(AUTH_ONLY + " http://idmanagement.gov/ns/assurance/aal/1"));
            assertTrue(e.getMessage().contains("http://idmanagement.gov/ns/assurance/aal/1"), e.getMessage());
        }

        @Test
        void an_aal_alone_needs_an_ial_beside_it() {
            var e = assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parseConfigured(AAL2));
            assertTrue(e.getMessage().contains("needs an IAL (service level) value beside it"), e.getMessage());
        }

        @Test
        void nothing_is_missing_a_valid_ial_level() {
            assertEquals(
                    AcrValues.MISSING_IAL,
                    assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parseConfigured(null))
                            .getMessage());
            assertEquals(
                    AcrValues.MISSING_IAL,
                    assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parseConfigured(" "))
                            .getMessage());
        }

        @Test
        void two_ial_values_are_refused() {
            var e = assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parseConfigured(AUTH_ONLY + " " + LEGACY_IAL2));
            assertTrue(e.getMessage().contains(AUTH_ONLY) && e.getMessage().contains(LEGACY_IAL2), e.getMessage());
        }

        @Test
        void two_aal_values_are_refused() {
            assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parseConfigured(VERIFIED + " " + AAL2 + " " + PIV_CAC));
        }

        @Test
        void a_valid_pair_is_accepted_as_written() throws Exception {
            AcrValues acr = AcrValues.parseConfigured("  " + PIV_CAC + "\t" + VERIFIED + " ");
            assertEquals(IdentityAssurance.VERIFIED, acr.ial());
            assertEquals(AuthenticationAssurance.PIV_CAC, acr.aal());
            assertEquals(VERIFIED + " " + PIV_CAC, acr.toParameter());
        }

        @Test
        void legacy_values_are_accepted_in_their_own_spelling() throws Exception {
            AcrValues acr = AcrValues.parseConfigured(LEGACY_IALMAX + " " + LEGACY_PHISHING_RESISTANT);
            assertEquals(IdentityAssurance.IALMAX, acr.ial());
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT, acr.aal());
            assertEquals(AcrForm.LEGACY, acr.form());
            assertEquals(LEGACY_IALMAX + " " + LEGACY_PHISHING_RESISTANT, acr.toParameter());
        }
    }

    @Nested
    class RaisedToAFloor {
        @Test
        void an_ialmax_floor_does_not_force_the_legacy_form_on_a_stronger_request() throws Exception {
            assertEquals(VERIFIED, acr(VERIFIED).atLeast(acr(LEGACY_IALMAX)).ialValue());
            assertEquals(
                    LEGACY_IALMAX, acr(AUTH_ONLY).atLeast(acr(LEGACY_IALMAX)).ialValue());
        }

        @Test
        void the_more_demanding_ial_and_aal_are_taken_axis_by_axis() {
            AcrValues raised = acr(VERIFIED).atLeast(acr(AUTH_ONLY + " " + PHISHING_RESISTANT));
            assertEquals(VERIFIED + " " + PHISHING_RESISTANT, raised.toParameter());
        }

        @Test
        void a_request_above_the_floor_on_both_axes_is_kept() {
            AcrValues raised = acr(FACIAL_MATCH_REQUIRED + " " + PIV_CAC).atLeast(acr(VERIFIED + " " + AAL2));
            assertEquals(FACIAL_MATCH_REQUIRED + " " + PIV_CAC, raised.toParameter());
        }

        @Test
        void ial_requests_are_ordered_auth_only_ialmax_verified_preferred_required() {
            List<String> weakestFirst = List.of(
                    LEGACY_IAL1,
                    LEGACY_IALMAX,
                    LEGACY_IAL2,
                    "http://idmanagement.gov/ns/assurance/ial/2?bio=preferred",
                    "http://idmanagement.gov/ns/assurance/ial/2?bio=required");
            for (int weaker = 0; weaker < weakestFirst.size(); weaker++) {
                for (int stronger = weaker; stronger < weakestFirst.size(); stronger++) {
                    String expected = weakestFirst.get(stronger);
                    assertEquals(
                            expected,
                            acr(weakestFirst.get(weaker)).atLeast(acr(expected)).ialValue());
                    assertEquals(
                            expected,
                            acr(expected).atLeast(acr(weakestFirst.get(weaker))).ialValue());
                }
            }
        }

        @Test
        void aal_levels_are_ordered_default_aal2_phishing_resistant_piv_cac() {
            List<AuthenticationAssurance> weakestFirst = List.of(
                    AuthenticationAssurance.DEFAULT,
                    AuthenticationAssurance.AAL2,
                    AuthenticationAssurance.PHISHING_RESISTANT,
                    AuthenticationAssurance.PIV_CAC);
            for (AuthenticationAssurance weaker : weakestFirst) {
                for (AuthenticationAssurance stronger :
                        weakestFirst.subList(weakestFirst.indexOf(weaker), weakestFirst.size())) {
                    AcrValues low = AcrValues.of(IdentityAssurance.AUTH_ONLY, weaker, AcrForm.SEMANTIC);
                    AcrValues high = AcrValues.of(IdentityAssurance.AUTH_ONLY, stronger, AcrForm.SEMANTIC);
                    assertEquals(stronger, low.atLeast(high).aal());
                    assertEquals(stronger, high.atLeast(low).aal());
                }
            }
        }

        @Test
        void no_aal_loses_to_any_aal() {
            assertEquals(
                    DEFAULT_AAL,
                    acr(VERIFIED).atLeast(acr(AUTH_ONLY + " " + DEFAULT_AAL)).aalValue());
            assertEquals(
                    AAL2, acr(VERIFIED + " " + AAL2).atLeast(acr(AUTH_ONLY)).aalValue());
        }

        @Test
        void no_aal_on_either_side_stays_implicit() {
            AcrValues raised = acr(AUTH_ONLY).atLeast(acr(VERIFIED));
            assertNull(raised.aal());
            assertNull(raised.aalValue());
            assertEquals(VERIFIED, raised.toParameter());
        }

        @Test
        void a_legacy_floor_that_wins_keeps_its_own_spelling() {
            AcrValues raised = acr(AUTH_ONLY).atLeast(acr(LEGACY_IAL2));
            assertEquals(IdentityAssurance.VERIFIED, raised.ial());
            assertEquals(LEGACY_IAL2, raised.ialValue());
            assertEquals(AcrForm.LEGACY, raised.form());
        }

        @Test
        void a_floor_that_wins_keeps_even_its_loa_spelling() {
            String loa3 = "http://idmanagement.gov/ns/assurance/loa/3";
            assertEquals(loa3, acr(AUTH_ONLY).atLeast(acr(loa3)).ialValue());
        }

        @Test
        void a_request_that_wins_over_a_legacy_floor_is_spelled_in_the_legacy_form() {
            AcrValues raised = acr(FACIAL_MATCH_REQUIRED).atLeast(acr(LEGACY_IAL1));
            assertEquals(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED, raised.ial());
            assertEquals("http://idmanagement.gov/ns/assurance/ial/2?bio=required", raised.ialValue());
        }

        @Test
        void a_legacy_request_that_wins_over_a_semantic_floor_is_spelled_in_the_semantic_form() {
            AcrValues raised = acr(LEGACY_IAL2).atLeast(acr(AUTH_ONLY));
            assertEquals(VERIFIED, raised.ialValue());
            assertEquals(AcrForm.SEMANTIC, raised.form());
        }

        @Test
        void an_equal_ial_is_spelled_as_the_floor_spells_it() {
            assertEquals(LEGACY_IAL2, acr(VERIFIED).atLeast(acr(LEGACY_IAL2)).ialValue());
            assertEquals(VERIFIED, acr(LEGACY_IAL2).atLeast(acr(VERIFIED)).ialValue());
        }

        @Test
        void ialmax_winning_over_a_semantic_floor_keeps_its_only_spelling() {
            assertEquals(
                    LEGACY_IALMAX, acr(LEGACY_IALMAX).atLeast(acr(AUTH_ONLY)).ialValue());
        }

        @Test
        void each_aal_keeps_the_spelling_of_the_side_it_came_from() {
            assertEquals(
                    LEGACY_PHISHING_RESISTANT,
                    acr(AUTH_ONLY + " " + LEGACY_PHISHING_RESISTANT)
                            .atLeast(acr(AUTH_ONLY + " " + AAL2))
                            .aalValue());
            assertEquals(
                    LEGACY_PHISHING_RESISTANT,
                    acr(AUTH_ONLY + " " + AAL2)
                            .atLeast(acr(AUTH_ONLY + " " + LEGACY_PHISHING_RESISTANT))
                            .aalValue());
            assertEquals(
                    LEGACY_PHISHING_RESISTANT,
                    acr(AUTH_ONLY + " " + PHISHING_RESISTANT)
                            .atLeast(acr(AUTH_ONLY + " " + LEGACY_PHISHING_RESISTANT))
                            .aalValue());
        }
    }

    @Nested
    class ExpectedAal {
        @Test
        void no_aal_asked_expects_login_gov_default() {
            assertEquals(AuthenticationAssurance.DEFAULT, acr(VERIFIED).expectedAal());
        }

        @Test
        void an_aal_asked_is_expected_back() {
            assertEquals(
                    AuthenticationAssurance.PHISHING_RESISTANT,
                    acr(VERIFIED + " " + LEGACY_PHISHING_RESISTANT).expectedAal());
        }
    }

    @Nested
    class Satisfaction {
        @Test
        void a_level_meeting_both_axes_satisfies() {
            assertTrue(acr(VERIFIED + " " + AAL2)
                    .isSatisfiedBy(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED, AuthenticationAssurance.PIV_CAC));
            assertTrue(acr(AUTH_ONLY).isSatisfiedBy(IdentityAssurance.AUTH_ONLY, AuthenticationAssurance.DEFAULT));
        }

        @Test
        void a_weaker_ial_does_not_satisfy() {
            assertFalse(acr(VERIFIED).isSatisfiedBy(IdentityAssurance.AUTH_ONLY, AuthenticationAssurance.PIV_CAC));
            assertFalse(acr(FACIAL_MATCH_REQUIRED)
                    .isSatisfiedBy(IdentityAssurance.VERIFIED, AuthenticationAssurance.DEFAULT));
        }

        @Test
        void a_weaker_aal_does_not_satisfy() {
            assertFalse(acr(AUTH_ONLY + " " + PHISHING_RESISTANT)
                    .isSatisfiedBy(IdentityAssurance.VERIFIED, AuthenticationAssurance.AAL2));
        }

        @Test
        void facial_match_preferred_is_satisfied_by_either_verified_assertion() {
            assertTrue(acr(FACIAL_MATCH_PREFERRED)
                    .isSatisfiedBy(IdentityAssurance.VERIFIED, AuthenticationAssurance.DEFAULT));
            assertFalse(acr(FACIAL_MATCH_PREFERRED)
                    .isSatisfiedBy(IdentityAssurance.AUTH_ONLY, AuthenticationAssurance.DEFAULT));
        }
    }

    @Nested
    class LegacySpellings {
        @Test
        void current_values_have_none() {
            assertEquals(List.of(), acr(VERIFIED + " " + PHISHING_RESISTANT).legacySpellings());
            assertEquals(List.of(), acr(AUTH_ONLY + " " + AAL2).legacySpellings());
        }

        @Test
        void legacy_ial_and_aal_aliases_are_reported() {
            assertEquals(
                    List.of(LEGACY_IAL2, LEGACY_PHISHING_RESISTANT),
                    acr(LEGACY_IAL2 + " " + LEGACY_PHISHING_RESISTANT).legacySpellings());
            assertEquals(
                    List.of("http://idmanagement.gov/ns/assurance/aal/3?hspd12=true"),
                    acr(VERIFIED + " http://idmanagement.gov/ns/assurance/aal/3?hspd12=true")
                            .legacySpellings());
        }

        @Test
        void ialmax_has_no_current_spelling_so_it_is_not_legacy() {
            assertEquals(List.of(), acr(LEGACY_IALMAX).legacySpellings());
            assertEquals(
                    List.of(LEGACY_PHISHING_RESISTANT),
                    acr(LEGACY_IALMAX + " " + LEGACY_PHISHING_RESISTANT).legacySpellings());
        }
    }
}
