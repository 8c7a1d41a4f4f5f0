package io.github.kclogingov.broker.signin;

import static io.github.kclogingov.protocol.AcrValuesTest.AAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.DEFAULT_AAL;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_REQUIRED;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static io.github.kclogingov.protocol.AcrValuesTest.acr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/** Tests the check of Login.gov's asserted acr and aal, from the id_token and userinfo, against the request. */
class AssuranceCheckTest {

    static JsonWebToken idToken(Object acr, Object aal) {
        JsonWebToken token = new JsonWebToken();
        token.subject("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca");
        if (acr != null) {
            token.setOtherClaims("acr", acr);
        }
        if (aal != null) {
            token.setOtherClaims("aal", aal);
        }
        return token;
    }

    static JsonNode userInfo(String json) {
        try {
            return JsonSerialization.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String refusal(String requested, JsonWebToken idToken, JsonNode userInfo) {
        LoginGovLoginException e = assertThrows(
                LoginGovLoginException.class, () -> AssuranceCheck.check(acr(requested), idToken, userInfo));
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        return e.getMessage();
    }

    @Nested
    class FromTheIdToken {
        @Test
        void an_id_token_meeting_the_request_is_accepted_without_userinfo() {
            AssertedLevel level = AssuranceCheck.check(acr(VERIFIED + " " + AAL2), idToken(VERIFIED, AAL2), null);
            assertEquals(
                    new AssertedLevel(IdentityAssurance.VERIFIED, VERIFIED, AuthenticationAssurance.AAL2, AAL2), level);
        }

        @Test
        void a_stronger_acr_than_requested_is_accepted_as_returned() {
            AssertedLevel level =
                    AssuranceCheck.check(acr(VERIFIED), idToken(FACIAL_MATCH_REQUIRED, DEFAULT_AAL), null);
            assertEquals(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED, level.ial());
            assertEquals(FACIAL_MATCH_REQUIRED, level.ialValue());
        }

        @Test
        void a_lower_acr_is_refused_with_the_reason() {
            String reason = refusal(VERIFIED, idToken(AUTH_ONLY, DEFAULT_AAL), null);
            assertTrue(reason.contains("does not meet the requested " + VERIFIED), reason);
        }

        @Test
        void a_missing_acr_is_refused() {
            assertTrue(refusal(AUTH_ONLY, idToken(null, DEFAULT_AAL), null).contains("returned no acr"));
        }

        @Test
        void a_missing_id_token_reads_as_no_acr() {
            assertTrue(refusal(AUTH_ONLY, null, userInfo("{\"aal\": \"" + DEFAULT_AAL + "\"}"))
                    .contains("returned no acr"));
        }

        @Test
        void an_acr_that_is_not_text_counts_as_missing() {
            assertTrue(refusal(AUTH_ONLY, idToken(1, DEFAULT_AAL), null).contains("returned no acr"));
        }

        @Test
        void an_acr_in_the_wrong_form_is_refused() {
            String reason = refusal(VERIFIED, idToken(LEGACY_IAL2, DEFAULT_AAL), null);
            assertTrue(reason.contains("cannot accept"), reason);
        }

        @Test
        void a_different_aal_is_refused() {
            String reason = refusal(VERIFIED + " " + AAL2, idToken(VERIFIED, PIV_CAC), null);
            assertTrue(reason.contains("not the requested " + AAL2), reason);
        }
    }

    @Nested
    class TheAal {
        @Test
        void falls_back_to_userinfo_when_the_id_token_has_none() {
            AssertedLevel level = AssuranceCheck.check(
                    acr(VERIFIED + " " + AAL2), idToken(VERIFIED, null), userInfo("{\"aal\": \"" + AAL2 + "\"}"));
            assertEquals(AuthenticationAssurance.AAL2, level.aal());
            assertEquals(AAL2, level.aalValue());
        }

        @Test
        void from_the_id_token_wins_over_userinfo() {
            AssertedLevel level = AssuranceCheck.check(
                    acr(VERIFIED), idToken(VERIFIED, DEFAULT_AAL), userInfo("{\"aal\": \"" + PIV_CAC + "\"}"));
            assertEquals(AuthenticationAssurance.DEFAULT, level.aal());
        }

        @Test
        void an_id_token_aal_that_is_not_text_is_refused_not_passed_over_for_userinfo() {
            // A mapper reads the id_token first: an unchecked array there could grant what userinfo's aal does not.
            assertEquals(
                    "id_token aal is not a string",
                    refusal(VERIFIED, idToken(VERIFIED, 2), userInfo("{\"aal\": \"" + DEFAULT_AAL + "\"}")));
            assertEquals(
                    "id_token aal is not a string",
                    refusal(AUTH_ONLY + " " + PIV_CAC, idToken(AUTH_ONLY, java.util.List.of(PIV_CAC)), null));
        }

        @Test
        void missing_from_both_when_an_aal_was_asked_is_refused() {
            assertTrue(refusal(VERIFIED + " " + AAL2, idToken(VERIFIED, null), null)
                    .contains("returned no aal"));
            assertTrue(refusal(VERIFIED + " " + AAL2, idToken(VERIFIED, null), userInfo("{\"sub\": \"x\"}"))
                    .contains("returned no aal"));
            assertTrue(refusal(AUTH_ONLY + " " + PIV_CAC, idToken(AUTH_ONLY, null), null)
                    .contains("returned no aal"));
        }

        @Test
        void missing_from_both_when_the_default_was_asked_by_name_is_refused() {
            assertTrue(refusal(VERIFIED + " " + DEFAULT_AAL, idToken(VERIFIED, null), null)
                    .contains("returned no aal"));
        }

        @Test
        void missing_from_both_when_none_was_asked_is_login_gov_default() {
            AssertedLevel level = AssuranceCheck.check(acr(AUTH_ONLY), idToken(AUTH_ONLY, null), null);
            assertEquals(
                    new AssertedLevel(
                            IdentityAssurance.AUTH_ONLY, AUTH_ONLY, AuthenticationAssurance.DEFAULT, DEFAULT_AAL),
                    level);
            AssertedLevel withUserInfo =
                    AssuranceCheck.check(acr(VERIFIED), idToken(VERIFIED, null), userInfo("{\"sub\": \"x\"}"));
            assertEquals(AuthenticationAssurance.DEFAULT, withUserInfo.aal());
            assertEquals(DEFAULT_AAL, withUserInfo.aalValue());
        }

        @Test
        void missing_when_none_was_asked_still_needs_the_acr_to_meet_the_request() {
            String reason = refusal(VERIFIED, idToken(AUTH_ONLY, null), null);
            assertTrue(reason.contains("does not meet the requested " + VERIFIED), reason);
            assertTrue(refusal(VERIFIED, idToken(null, null), null).contains("returned no acr"));
        }

        @Test
        void a_userinfo_aal_that_is_not_text_counts_as_missing() {
            assertTrue(refusal(VERIFIED + " " + AAL2, idToken(VERIFIED, null), userInfo("{\"aal\": 2}"))
                    .contains("returned no aal"));
            assertTrue(refusal(VERIFIED + " " + AAL2, idToken(VERIFIED, null), userInfo("{\"aal\": null}"))
                    .contains("returned no aal"));
        }

        @Test
        void a_wrong_userinfo_aal_is_refused() {
            String reason = refusal(VERIFIED, idToken(VERIFIED, null), userInfo("{\"aal\": \"" + AAL2 + "\"}"));
            assertTrue(reason.contains("not the requested " + DEFAULT_AAL), reason);
        }
    }

    @Nested
    class UserInfoIal {
        @Test
        void equal_to_the_acr_is_accepted() {
            AssertedLevel level = AssuranceCheck.check(
                    acr(VERIFIED), idToken(VERIFIED, DEFAULT_AAL), userInfo("{\"ial\": \"" + VERIFIED + "\"}"));
            assertEquals(IdentityAssurance.VERIFIED, level.ial());
        }

        @Test
        void different_from_the_acr_is_refused() {
            String reason =
                    refusal(AUTH_ONLY, idToken(VERIFIED, DEFAULT_AAL), userInfo("{\"ial\": \"" + AUTH_ONLY + "\"}"));
            assertEquals("userinfo ial differs from the id_token acr", reason);
        }

        @Test
        void different_only_in_spelling_is_refused() {
            String reason = refusal(
                    LEGACY_IAL2, idToken(LEGACY_IAL2, DEFAULT_AAL), userInfo("{\"ial\": \"" + VERIFIED + "\"}"));
            assertEquals("userinfo ial differs from the id_token acr", reason);
        }

        @Test
        void absent_or_null_is_not_compared() {
            AssertedLevel absent =
                    AssuranceCheck.check(acr(AUTH_ONLY), idToken(AUTH_ONLY, DEFAULT_AAL), userInfo("{}"));
            assertEquals(IdentityAssurance.AUTH_ONLY, absent.ial());
            AssertedLevel jsonNull =
                    AssuranceCheck.check(acr(AUTH_ONLY), idToken(AUTH_ONLY, DEFAULT_AAL), userInfo("{\"ial\": null}"));
            assertEquals(IdentityAssurance.AUTH_ONLY, jsonNull.ial());
        }

        @Test
        void not_text_is_refused_as_a_different_ial() {
            assertEquals(
                    "userinfo ial differs from the id_token acr",
                    refusal(AUTH_ONLY, idToken(AUTH_ONLY, DEFAULT_AAL), userInfo("{\"ial\": 1}")));
            assertEquals(
                    "userinfo ial differs from the id_token acr",
                    refusal(
                            AUTH_ONLY,
                            idToken(AUTH_ONLY, DEFAULT_AAL),
                            userInfo("{\"ial\": [\"" + AUTH_ONLY + "\"]}")));
        }

        @Test
        void without_an_acr_the_refusal_is_for_the_missing_acr() {
            String reason =
                    refusal(AUTH_ONLY, idToken(null, DEFAULT_AAL), userInfo("{\"ial\": \"" + AUTH_ONLY + "\"}"));
            assertTrue(reason.contains("returned no acr"), reason);
        }
    }

    /** identity-idp merges the userinfo payload, {@code ial} included, into the id_token beside {@code acr}. */
    @Nested
    class IdTokenIal {
        static JsonWebToken withIal(String acr, Object ial) {
            JsonWebToken token = idToken(acr, DEFAULT_AAL);
            token.setOtherClaims("ial", ial);
            return token;
        }

        @Test
        void equal_to_the_acr_as_login_gov_writes_it_is_accepted() {
            AssertedLevel level = AssuranceCheck.check(acr(VERIFIED), withIal(VERIFIED, VERIFIED), null);
            assertEquals(IdentityAssurance.VERIFIED, level.ial());
        }

        @Test
        void a_higher_ial_than_the_acr_is_refused() {
            assertEquals("id_token ial differs from its acr", refusal(AUTH_ONLY, withIal(AUTH_ONLY, VERIFIED), null));
        }

        @Test
        void a_lower_ial_than_the_acr_is_refused() {
            assertEquals("id_token ial differs from its acr", refusal(VERIFIED, withIal(VERIFIED, AUTH_ONLY), null));
        }

        @Test
        void the_other_spelling_of_the_same_level_is_refused() {
            assertEquals("id_token ial differs from its acr", refusal(VERIFIED, withIal(VERIFIED, LEGACY_IAL2), null));
        }

        @Test
        void a_value_that_is_not_text_is_refused() {
            assertEquals(
                    "id_token ial differs from its acr",
                    refusal(AUTH_ONLY, withIal(AUTH_ONLY, java.util.List.of(AUTH_ONLY)), null));
            assertEquals("id_token ial differs from its acr", refusal(AUTH_ONLY, withIal(AUTH_ONLY, 1), null));
        }

        @Test
        void absent_is_not_compared() {
            AssertedLevel level = AssuranceCheck.check(acr(VERIFIED), idToken(VERIFIED, DEFAULT_AAL), null);
            assertEquals(IdentityAssurance.VERIFIED, level.ial());
        }
    }
}
