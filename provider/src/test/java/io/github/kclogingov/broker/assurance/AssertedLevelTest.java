package io.github.kclogingov.broker.assurance;

import static io.github.kclogingov.protocol.AcrValuesTest.AAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.DEFAULT_AAL;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_PREFERRED;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_REQUIRED;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL1;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IALMAX;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AcrValuesTest.PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static io.github.kclogingov.protocol.AcrValuesTest.acr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.assurance.AssertedLevel.AssuranceMismatchException;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AssertedLevelTest {

    static String refusal(String requested, String acr, String aal) {
        return assertThrows(AssuranceMismatchException.class, () -> AssertedLevel.check(acr(requested), acr, aal))
                .getMessage();
    }

    @Nested
    class Accepting {
        @Test
        void an_answer_meeting_the_request_is_accepted_as_returned() throws Exception {
            AssertedLevel level = AssertedLevel.check(acr(VERIFIED + " " + AAL2), VERIFIED, AAL2);
            assertEquals(
                    new AssertedLevel(IdentityAssurance.VERIFIED, VERIFIED, AuthenticationAssurance.AAL2, AAL2), level);
        }

        @Test
        void a_request_without_aal_expects_login_gov_default_aal() throws Exception {
            AssertedLevel level = AssertedLevel.check(acr(AUTH_ONLY), AUTH_ONLY, DEFAULT_AAL);
            assertEquals(AuthenticationAssurance.DEFAULT, level.aal());
        }

        @Test
        void a_stronger_ial_than_requested_is_accepted() throws Exception {
            assertEquals(
                    IdentityAssurance.VERIFIED,
                    AssertedLevel.check(acr(AUTH_ONLY), VERIFIED, DEFAULT_AAL).ial());
            assertEquals(
                    IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED,
                    AssertedLevel.check(acr(VERIFIED), FACIAL_MATCH_REQUIRED, DEFAULT_AAL)
                            .ial());
        }

        @Test
        void a_legacy_request_is_answered_in_the_legacy_form() throws Exception {
            AssertedLevel level = AssertedLevel.check(acr(LEGACY_IAL2), LEGACY_IAL2, DEFAULT_AAL);
            assertEquals(IdentityAssurance.VERIFIED, level.ial());
            assertEquals(LEGACY_IAL2, level.ialValue());
        }

        @Test
        void an_ialmax_request_accepts_auth_only_or_verified() throws Exception {
            assertEquals(
                    IdentityAssurance.AUTH_ONLY,
                    AssertedLevel.check(acr(LEGACY_IALMAX), LEGACY_IAL1, DEFAULT_AAL)
                            .ial());
            assertEquals(
                    IdentityAssurance.VERIFIED,
                    AssertedLevel.check(acr(LEGACY_IALMAX), LEGACY_IAL2, DEFAULT_AAL)
                            .ial());
        }

        @Test
        void facial_match_preferred_is_answered_with_a_verified_level() throws Exception {
            assertEquals(
                    IdentityAssurance.VERIFIED,
                    AssertedLevel.check(acr(FACIAL_MATCH_PREFERRED), VERIFIED, DEFAULT_AAL)
                            .ial());
            assertEquals(
                    IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED,
                    AssertedLevel.check(acr(FACIAL_MATCH_PREFERRED), FACIAL_MATCH_REQUIRED, DEFAULT_AAL)
                            .ial());
        }

        @Test
        void a_legacy_alias_of_the_requested_aal_is_the_same_level() throws Exception {
            AssertedLevel level =
                    AssertedLevel.check(acr(VERIFIED + " " + PHISHING_RESISTANT), VERIFIED, LEGACY_PHISHING_RESISTANT);
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT, level.aal());
            assertEquals(LEGACY_PHISHING_RESISTANT, level.aalValue());
        }
    }

    @Nested
    class RefusingTheAcr {
        @Test
        void a_missing_or_blank_acr_is_refused() {
            assertTrue(refusal(VERIFIED, null, DEFAULT_AAL).contains("returned no acr"));
            assertTrue(refusal(VERIFIED, " \t", DEFAULT_AAL).contains("returned no acr"));
        }

        @Test
        void an_unknown_acr_is_refused() {
            String reason = refusal(AUTH_ONLY, "urn:acr.login.gov:gold", DEFAULT_AAL);
            assertTrue(reason.contains("urn:acr.login.gov:gold"), reason);
        }

        @Test
        void a_legacy_acr_for_a_semantic_request_is_refused() {
            refusal(VERIFIED, LEGACY_IAL2, DEFAULT_AAL);
            refusal(AUTH_ONLY, LEGACY_IAL1, DEFAULT_AAL);
        }

        @Test
        void a_semantic_acr_for_a_legacy_request_is_refused() {
            refusal(LEGACY_IAL2, VERIFIED, DEFAULT_AAL);
            refusal(LEGACY_IALMAX, AUTH_ONLY, DEFAULT_AAL);
        }

        @Test
        void loa_values_are_never_returned() {
            refusal(LEGACY_IAL2, "http://idmanagement.gov/ns/assurance/loa/3", DEFAULT_AAL);
            refusal(
                    "http://idmanagement.gov/ns/assurance/loa/1",
                    "http://idmanagement.gov/ns/assurance/loa/1",
                    DEFAULT_AAL);
        }

        @Test
        void a_lower_acr_does_not_meet_the_request() {
            String reason = refusal(VERIFIED, AUTH_ONLY, DEFAULT_AAL);
            assertTrue(reason.contains("does not meet the requested " + VERIFIED), reason);
            assertTrue(refusal(FACIAL_MATCH_REQUIRED, VERIFIED, DEFAULT_AAL).contains("does not meet the requested"));
            assertTrue(refusal(FACIAL_MATCH_PREFERRED, AUTH_ONLY, DEFAULT_AAL).contains("does not meet the requested"));
        }

        @Test
        void facial_match_preferred_is_never_a_returned_value() {
            refusal(FACIAL_MATCH_PREFERRED, FACIAL_MATCH_PREFERRED, DEFAULT_AAL);
            refusal(AUTH_ONLY, FACIAL_MATCH_PREFERRED, DEFAULT_AAL);
            refusal(LEGACY_IAL2, "http://idmanagement.gov/ns/assurance/ial/2?bio=preferred", DEFAULT_AAL);
        }

        @Test
        void ialmax_is_never_a_returned_value() {
            refusal(LEGACY_IALMAX, LEGACY_IALMAX, DEFAULT_AAL);
        }
    }

    @Nested
    class RefusingTheAal {
        @Test
        void a_missing_aal_is_refused() {
            assertTrue(refusal(VERIFIED, VERIFIED, null).contains("returned no aal"));
            assertTrue(refusal(VERIFIED, VERIFIED, "").contains("returned no aal"));
        }

        @Test
        void a_different_aal_is_refused_even_when_stronger() {
            String reason = refusal(VERIFIED + " " + AAL2, VERIFIED, PIV_CAC);
            assertTrue(reason.contains(PIV_CAC) && reason.contains("not the requested " + AAL2), reason);
            refusal(VERIFIED, VERIFIED, AAL2);
            refusal(VERIFIED + " " + PHISHING_RESISTANT, VERIFIED, DEFAULT_AAL);
        }

        @Test
        void an_unknown_aal_is_refused() {
            refusal(VERIFIED, VERIFIED, "http://idmanagement.gov/ns/assurance/aal/1");
        }
    }

    @Nested
    class QuotingHostileValues {
        @Test
        void a_long_returned_acr_is_cut() {
            String reason = refusal(AUTH_ONLY, "x".repeat(10_000), DEFAULT_AAL);
            assertFalse(reason.contains("x".repeat(121)), reason);
            assertTrue(reason.length() < 300, reason);
        }

        @Test
        void a_long_returned_aal_is_cut() {
            String reason = refusal(AUTH_ONLY, AUTH_ONLY, "y".repeat(10_000));
            assertFalse(reason.contains("y".repeat(121)), reason);
            assertTrue(reason.length() < 300, reason);
        }

        @Test
        void non_printable_characters_are_replaced() {
            String hostile = "evil\r\nSet-Cookie: a=b\u0000\u001b[31m\u202e\u00e9";
            for (String reason :
                    new String[] {refusal(AUTH_ONLY, hostile, DEFAULT_AAL), refusal(AUTH_ONLY, AUTH_ONLY, hostile)}) {
                assertTrue(reason.contains("evil??Set-Cookie: a=b??[31m??"), reason);
                assertTrue(reason.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), reason);
            }
        }
    }

    @Nested
    class AsARequest {
        @Test
        void login_gov_default_aal_is_left_implicit() throws Exception {
            AcrValues request =
                    AssertedLevel.check(acr(VERIFIED), VERIFIED, DEFAULT_AAL).asRequest();
            assertEquals(IdentityAssurance.VERIFIED, request.ial());
            assertNull(request.aal());
            assertEquals(VERIFIED, request.toParameter());
        }

        @Test
        void another_aal_is_kept_as_returned() throws Exception {
            AcrValues request = AssertedLevel.check(
                            acr(LEGACY_IAL2 + " " + PHISHING_RESISTANT), LEGACY_IAL2, LEGACY_PHISHING_RESISTANT)
                    .asRequest();
            assertEquals(LEGACY_IAL2 + " " + LEGACY_PHISHING_RESISTANT, request.toParameter());
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT, request.aal());
        }

        @Test
        void the_request_is_satisfied_by_the_level_it_came_from() throws Exception {
            AssertedLevel level = AssertedLevel.check(acr(AUTH_ONLY + " " + PIV_CAC), FACIAL_MATCH_REQUIRED, PIV_CAC);
            assertTrue(level.meets(level.asRequest()));
        }
    }

    @Nested
    class Restoring {
        @Test
        void a_recorded_level_is_read_back() {
            assertEquals(
                    Optional.of(new AssertedLevel(
                            IdentityAssurance.VERIFIED,
                            LEGACY_IAL2,
                            AuthenticationAssurance.PHISHING_RESISTANT,
                            LEGACY_PHISHING_RESISTANT)),
                    AssertedLevel.restore(LEGACY_IAL2, LEGACY_PHISHING_RESISTANT));
            assertEquals(
                    IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED,
                    AssertedLevel.restore(FACIAL_MATCH_REQUIRED, DEFAULT_AAL)
                            .orElseThrow()
                            .ial());
        }

        @Test
        void garbage_is_empty() {
            assertEquals(Optional.empty(), AssertedLevel.restore(null, null));
            assertEquals(Optional.empty(), AssertedLevel.restore("", DEFAULT_AAL));
            assertEquals(Optional.empty(), AssertedLevel.restore("gold", DEFAULT_AAL));
            assertEquals(Optional.empty(), AssertedLevel.restore(VERIFIED, null));
            assertEquals(
                    Optional.empty(), AssertedLevel.restore(VERIFIED, "http://idmanagement.gov/ns/assurance/aal/1"));
        }

        @Test
        void a_level_login_gov_never_asserts_is_refused() {
            assertEquals(Optional.empty(), AssertedLevel.restore(FACIAL_MATCH_PREFERRED, DEFAULT_AAL));
            assertEquals(Optional.empty(), AssertedLevel.restore(LEGACY_IALMAX, DEFAULT_AAL));
        }
    }

    @Test
    void an_asserted_level_always_has_both_axes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AssertedLevel(IdentityAssurance.VERIFIED, VERIFIED, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AssertedLevel(null, null, AuthenticationAssurance.DEFAULT, DEFAULT_AAL));
    }
}
