package io.github.kclogingov.broker.assurance;

import static io.github.kclogingov.protocol.AcrValuesTest.AAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.DEFAULT_AAL;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_REQUIRED;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IALMAX;
import static io.github.kclogingov.protocol.AcrValuesTest.PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static io.github.kclogingov.protocol.AcrValuesTest.acr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.Constants;

/** Tests how Keycloak's requested level of authentication becomes a Login.gov level, and the LoA a sign-in achieves. */
class RequestedLevelsTest {

    static final AssuranceNames BUILT_IN = AssuranceNames.builtInOnly();

    /** A typical realm map: the built-in names, weakest first. */
    static final Map<String, Integer> LADDER = Map.of(
            "auth-only", 1,
            "phishing-resistant", 2,
            "verified", 3,
            "verified-piv-cac", 4);

    static LevelPolicy policy(String floor, Registration registration) {
        return new LevelPolicy(acr(floor), BUILT_IN, registration);
    }

    static RequestedLevels nothingRequested(Map<String, Integer> acrLoaMap) {
        return new RequestedLevels(acrLoaMap, List.of(), Constants.NO_LOA);
    }

    static AssertedLevel asserted(
            IdentityAssurance ial, String ialValue, AuthenticationAssurance aal, String aalValue) {
        return new AssertedLevel(ial, ialValue, aal, aalValue);
    }

    static String refusal(RequestedLevels requested, LevelPolicy policy) {
        return assertThrows(LoginGovLoginException.class, () -> requested.loginGovLevel(policy))
                .getMessage();
    }

    @Nested
    class AnyRequested {
        @Test
        void no_loa_and_the_minimum_loa_are_no_request() {
            assertFalse(new RequestedLevels(LADDER, List.of(), Constants.NO_LOA).anyRequested());
            assertFalse(new RequestedLevels(LADDER, List.of(), Constants.MINIMUM_LOA).anyRequested());
        }

        @Test
        void an_loa_above_the_minimum_is_a_request() {
            assertTrue(new RequestedLevels(LADDER, List.of("auth-only"), 1).anyRequested());
        }

        @Test
        void without_a_request_there_is_no_requested_level() {
            assertEquals(Optional.empty(), nothingRequested(LADDER).requestedLevel(BUILT_IN));
            assertEquals(
                    Optional.empty(),
                    new RequestedLevels(LADDER, List.of("verified"), Constants.MINIMUM_LOA).requestedLevel(BUILT_IN));
        }
    }

    @Nested
    class LoginGovLevel {
        @Test
        void no_request_sends_the_floor() {
            AcrValues floor = acr(AUTH_ONLY + " " + AAL2);
            assertEquals(
                    floor,
                    nothingRequested(LADDER).loginGovLevel(new LevelPolicy(floor, BUILT_IN, Registration.AUTH_ONLY)));
        }

        @Test
        void a_request_at_the_minimum_loa_also_sends_the_floor() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("verified"), Constants.MINIMUM_LOA);
            assertEquals(acr(AUTH_ONLY), requested.loginGovLevel(policy(AUTH_ONLY, Registration.VERIFIED)));
        }

        @Test
        void a_named_request_above_the_floor_is_sent_as_named() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("verified"), 3);
            assertEquals(acr(VERIFIED), requested.loginGovLevel(policy(AUTH_ONLY, Registration.VERIFIED)));
        }

        @Test
        void a_named_request_takes_the_floor_aal_when_the_floor_is_stronger_there() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("verified"), 3);
            assertEquals(
                    acr(VERIFIED + " " + AAL2),
                    requested.loginGovLevel(policy(AUTH_ONLY + " " + AAL2, Registration.VERIFIED)));
        }

        @Test
        void a_named_request_takes_the_floor_ial_when_the_floor_is_stronger_there() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("phishing-resistant"), 2);
            assertEquals(
                    acr(VERIFIED + " " + PHISHING_RESISTANT),
                    requested.loginGovLevel(policy(VERIFIED, Registration.VERIFIED)));
        }

        @Test
        void a_request_below_the_floor_on_both_axes_sends_the_floor() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("auth-only"), 1);
            assertEquals(
                    acr(VERIFIED + " " + PIV_CAC),
                    requested.loginGovLevel(policy(VERIFIED + " " + PIV_CAC, Registration.VERIFIED)));
        }

        @Test
        void a_raised_ial_is_spelled_in_the_floor_form() {
            RequestedLevels requested =
                    new RequestedLevels(Map.of("verified-facial-match", 5), List.of("verified-facial-match"), 5);
            AcrValues sent = requested.loginGovLevel(policy(LEGACY_IAL2, Registration.VERIFIED));
            assertEquals(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED, sent.ial());
            assertEquals("http://idmanagement.gov/ns/assurance/ial/2?bio=required", sent.ialValue());
        }

        @Test
        void an_administrators_own_name_is_a_login_gov_level() throws Exception {
            AssuranceNames names = AssuranceNames.withCustom(Map.of("gold", VERIFIED + " " + PIV_CAC));
            RequestedLevels requested = new RequestedLevels(Map.of("gold", 7), List.of("gold"), 7);
            assertEquals(
                    acr(VERIFIED + " " + PIV_CAC),
                    requested.loginGovLevel(new LevelPolicy(acr(AUTH_ONLY), names, Registration.VERIFIED)));
        }
    }

    @Nested
    class RequestedLevel {
        @Test
        void of_several_names_the_one_at_the_requested_loa_is_chosen() {
            RequestedLevels requested =
                    new RequestedLevels(LADDER, List.of("auth-only", "verified", "verified-piv-cac"), 3);
            assertEquals(Optional.of(BUILT_IN.levelFor("verified").orElseThrow()), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void at_the_requested_loa_a_login_gov_name_wins_over_another_name() {
            Map<String, Integer> map = Map.of("gold", 2, "phishing-resistant", 2);
            RequestedLevels requested = new RequestedLevels(map, List.of("gold", "phishing-resistant"), 2);
            assertEquals(BUILT_IN.levelFor("phishing-resistant"), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void a_name_that_is_itself_acr_values_stands_for_them() {
            RequestedLevels requested =
                    new RequestedLevels(Map.of(FACIAL_MATCH_REQUIRED, 9), List.of(FACIAL_MATCH_REQUIRED), 9);
            assertEquals(Optional.of(acr(FACIAL_MATCH_REQUIRED)), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void a_number_is_met_by_the_nearest_named_level_above_it() {
            Map<String, Integer> map = Map.of("auth-only", 1, "verified", 3);
            RequestedLevels requested = new RequestedLevels(map, List.of("2"), 2);
            assertEquals(BUILT_IN.levelFor("verified"), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void a_number_is_met_by_a_named_level_at_it() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("2"), 2);
            assertEquals(BUILT_IN.levelFor("phishing-resistant"), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void a_name_that_is_not_a_login_gov_level_is_met_by_the_named_level_at_its_loa() {
            Map<String, Integer> map = Map.of("silver", 1, "auth-only", 1, "gold", 3, "verified", 3);
            RequestedLevels requested = new RequestedLevels(map, List.of("gold"), 3);
            assertEquals(BUILT_IN.levelFor("verified"), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void a_name_that_is_not_a_login_gov_level_is_never_met_below_its_loa() {
            Map<String, Integer> map = Map.of("auth-only", 1, "gold", 2, "verified-piv-cac", 4);
            RequestedLevels requested = new RequestedLevels(map, List.of("gold"), 2);
            assertEquals(BUILT_IN.levelFor("verified-piv-cac"), requested.requestedLevel(BUILT_IN));
        }

        @Test
        void nothing_named_at_or_above_the_requested_loa_is_refused() {
            Map<String, Integer> map = Map.of("auth-only", 1, "verified", 3, "gold", 5);
            RequestedLevels requested = new RequestedLevels(map, List.of("gold"), 5);
            String reason = assertThrows(LoginGovLoginException.class, () -> requested.requestedLevel(BUILT_IN))
                    .getMessage();
            assertTrue(reason.contains("level of authentication 5 (gold)"), reason);
            assertTrue(reason.contains("no Login.gov level is named for it"), reason);
        }

        @Test
        void nothing_named_at_all_is_refused_when_sending() {
            RequestedLevels requested = new RequestedLevels(Map.of("gold", 2), List.of("gold"), 2);
            LoginGovLoginException e = assertThrows(
                    LoginGovLoginException.class,
                    () -> requested.loginGovLevel(policy(AUTH_ONLY, Registration.VERIFIED)));
            assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        }
    }

    @Nested
    class Registrations {
        @Test
        void a_verified_request_with_an_auth_only_registration_is_refused() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("verified"), 3);
            String reason = refusal(requested, policy(AUTH_ONLY, Registration.AUTH_ONLY));
            assertTrue(reason.contains("registered for authentication only"), reason);
            assertTrue(reason.contains("asked for " + VERIFIED), reason);
        }

        @Test
        void a_verified_floor_with_an_auth_only_registration_is_refused_even_without_a_request() {
            String reason = refusal(nothingRequested(LADDER), policy(VERIFIED, Registration.AUTH_ONLY));
            assertTrue(reason.contains("registered for authentication only"), reason);
        }

        @Test
        void ialmax_with_an_auth_only_registration_is_refused() {
            String reason = refusal(nothingRequested(LADDER), policy(LEGACY_IALMAX, Registration.AUTH_ONLY));
            assertTrue(reason.contains("registered for authentication only"), reason);
        }

        @Test
        void a_stronger_aal_needs_no_verified_registration() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("phishing-resistant"), 2);
            assertEquals(
                    acr(AUTH_ONLY + " " + PHISHING_RESISTANT),
                    requested.loginGovLevel(policy(AUTH_ONLY, Registration.AUTH_ONLY)));
        }
    }

    @Nested
    class AchievedLoa {
        final AssertedLevel verified =
                asserted(IdentityAssurance.VERIFIED, VERIFIED, AuthenticationAssurance.DEFAULT, DEFAULT_AAL);
        final AssertedLevel verifiedPivCac =
                asserted(IdentityAssurance.VERIFIED, VERIFIED, AuthenticationAssurance.PIV_CAC, PIV_CAC);
        final AssertedLevel authOnly =
                asserted(IdentityAssurance.AUTH_ONLY, AUTH_ONLY, AuthenticationAssurance.DEFAULT, DEFAULT_AAL);

        @Test
        void the_highest_requested_name_the_assertion_meets() {
            RequestedLevels requested =
                    new RequestedLevels(LADDER, List.of("auth-only", "verified", "verified-piv-cac"), 1);
            assertEquals(OptionalInt.of(3), requested.achievedLoa(verified, BUILT_IN));
            assertEquals(OptionalInt.of(4), requested.achievedLoa(verifiedPivCac, BUILT_IN));
        }

        @Test
        void an_unrequested_higher_name_is_not_claimed_when_a_requested_one_is_met() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("auth-only"), 1);
            assertEquals(OptionalInt.of(1), requested.achievedLoa(verifiedPivCac, BUILT_IN));
        }

        @Test
        void a_request_met_through_a_level_above_it_achieves_the_requested_loa() {
            Map<String, Integer> map = Map.of("auth-only", 1, "gold", 2, "verified", 3);
            RequestedLevels requested = new RequestedLevels(map, List.of("gold"), 2);
            assertEquals(OptionalInt.of(2), requested.achievedLoa(verified, BUILT_IN));
        }

        @Test
        void a_numeric_request_achieves_the_requested_loa() {
            RequestedLevels requested = new RequestedLevels(LADDER, List.of("2"), 2);
            assertEquals(OptionalInt.of(2), requested.achievedLoa(verifiedPivCac, BUILT_IN));
        }

        /**
         * The shipped realm's map, where piv-cac (an AAL on its own) is numbered below verified: a
         * verified session raised to PIV/CAC keeps its verified identity, so with no request it names
         * verified; an auth-only one raised to PIV/CAC names piv-cac.
         */
        @Test
        void without_a_request_after_a_piv_cac_step_up_the_shipped_map_names_what_the_session_keeps() {
            Map<String, Integer> shipped = Map.of(
                    "auth-only", 1, "phishing-resistant", 2, "piv-cac", 3, "verified", 4, "verified-facial-match", 5);
            AssertedLevel authOnlyPivCac =
                    asserted(IdentityAssurance.AUTH_ONLY, AUTH_ONLY, AuthenticationAssurance.PIV_CAC, PIV_CAC);
            assertEquals(OptionalInt.of(4), nothingRequested(shipped).achievedLoa(verifiedPivCac, BUILT_IN));
            assertEquals(OptionalInt.of(3), nothingRequested(shipped).achievedLoa(authOnlyPivCac, BUILT_IN));
            assertEquals(OptionalInt.of(4), nothingRequested(shipped).achievedLoa(verified, BUILT_IN));
        }

        /**
         * Single sign-on from an earlier assertion names only levels it can still serve: with the
         * PIV/CAC authentication past its reuse limit, a verified session raised to PIV/CAC is named
         * verified on the ladder, not verified-piv-cac; past the identity's limit too, auth-only.
         */
        @Test
        void without_a_request_a_level_whose_axis_is_past_its_reuse_limit_is_not_named() {
            assertEquals(
                    OptionalInt.of(3),
                    nothingRequested(LADDER).achievedLoa(verifiedPivCac, BUILT_IN, level -> level.aal() == null));
            assertEquals(
                    OptionalInt.of(2),
                    nothingRequested(LADDER)
                            .achievedLoa(
                                    verifiedPivCac,
                                    BUILT_IN,
                                    level -> !level.ial().requiresVerifiedIdentity()));
            assertEquals(
                    OptionalInt.of(1),
                    nothingRequested(LADDER)
                            .achievedLoa(
                                    verifiedPivCac,
                                    BUILT_IN,
                                    level -> level.aal() == null && !level.ial().requiresVerifiedIdentity()));
        }

        @Test
        void without_a_request_the_highest_name_in_the_map_the_assertion_meets() {
            assertEquals(OptionalInt.of(3), nothingRequested(LADDER).achievedLoa(verified, BUILT_IN));
            assertEquals(OptionalInt.of(4), nothingRequested(LADDER).achievedLoa(verifiedPivCac, BUILT_IN));
            assertEquals(OptionalInt.of(1), nothingRequested(LADDER).achievedLoa(authOnly, BUILT_IN));
        }

        @Test
        void without_a_request_names_that_are_not_login_gov_levels_are_skipped() {
            Map<String, Integer> map = Map.of("auth-only", 1, "gold", 9);
            assertEquals(OptionalInt.of(1), nothingRequested(map).achievedLoa(verifiedPivCac, BUILT_IN));
        }

        @Test
        void nothing_met_is_empty() {
            assertEquals(
                    OptionalInt.empty(),
                    nothingRequested(Map.of("verified", 3, "gold", 5)).achievedLoa(authOnly, BUILT_IN));
            assertEquals(OptionalInt.empty(), nothingRequested(Map.of()).achievedLoa(verified, BUILT_IN));
        }
    }
}
