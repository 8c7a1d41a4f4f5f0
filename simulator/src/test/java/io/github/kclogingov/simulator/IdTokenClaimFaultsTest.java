package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The id_token faults in the claims; each token is validly signed by the primary key. */
class IdTokenClaimFaultsTest {
    private LoginGovSimulator simulator;
    private AuthorizeParams params;
    private long now;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
        params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                .acr(AuthorizeParams.VERIFIED)
                .scope("openid email profile");
        now = SharedSimulator.CLOCK.instant().getEpochSecond();
    }

    private Flows.Tokens withFault(IdTokenFault fault) {
        simulator.faults().nextIdToken(fault);
        Flows.Tokens tokens = Flows.signIn(simulator, params);
        assertTrue(JoseText.verifies(tokens.idToken(), JoseText.primary(simulator)), "validly signed");
        return tokens;
    }

    private static long seconds(java.util.Date date) {
        return date.getTime() / 1000;
    }

    @Nested
    class Issuer_and_audience {
        @Test
        void missing_issuer() {
            assertFalse(
                    withFault(IdTokenFault.MISSING_ISSUER).claims().getClaims().containsKey("iss"));
        }

        @Test
        void empty_issuer() {
            assertEquals("", withFault(IdTokenFault.EMPTY_ISSUER).claims().getIssuer());
        }

        @Test
        void wrong_audience_is_a_single_other_string() {
            Flows.Tokens tokens = withFault(IdTokenFault.WRONG_AUDIENCE);
            assertEquals(
                    IdTokenIssuer.OTHER_AUDIENCE,
                    tokens.signed().getPayload().toJSONObject().get("aud"));
        }

        @Test
        void missing_audience() {
            assertFalse(withFault(IdTokenFault.MISSING_AUDIENCE)
                    .claims()
                    .getClaims()
                    .containsKey("aud"));
        }

        @Test
        void audience_as_a_one_element_array() {
            Flows.Tokens tokens = withFault(IdTokenFault.AUDIENCE_ONE_ELEMENT_ARRAY);
            assertEquals(
                    List.of(TestClients.CONFIDENTIAL),
                    tokens.signed().getPayload().toJSONObject().get("aud"));
        }
    }

    @Nested
    class Times {
        @Test
        void expired_a_minute_ago_issued_two_minutes_ago() {
            JWTClaimsSet claims = withFault(IdTokenFault.EXPIRED).claims();
            assertEquals(now - 60, seconds(claims.getExpirationTime()));
            assertEquals(now - 120, seconds(claims.getIssueTime()));
            assertEquals(now - 120, seconds(claims.getNotBeforeTime()));
        }

        @Test
        void iat_and_nbf_a_day_ago_while_exp_is_still_ahead() {
            JWTClaimsSet claims = withFault(IdTokenFault.IAT_FAR_PAST).claims();
            assertEquals(now - 86400, seconds(claims.getIssueTime()));
            assertEquals(now - 86400, seconds(claims.getNotBeforeTime()));
            assertEquals(now + 900, seconds(claims.getExpirationTime()));
        }

        @Test
        void nbf_an_hour_ahead_while_iat_is_now() {
            JWTClaimsSet claims = withFault(IdTokenFault.NBF_IN_FUTURE).claims();
            assertEquals(now + 3600, seconds(claims.getNotBeforeTime()));
            assertEquals(now, seconds(claims.getIssueTime()));
            assertEquals(now + 900, seconds(claims.getExpirationTime()));
        }
    }

    @Nested
    class Bindings {
        @Test
        void missing_nonce() {
            assertFalse(
                    withFault(IdTokenFault.MISSING_NONCE).claims().getClaims().containsKey("nonce"));
        }

        @Test
        void at_hash_of_another_string() {
            Flows.Tokens tokens = withFault(IdTokenFault.AT_HASH_MISMATCH);
            assertNotEquals(IdTokenIssuer.halfHash(tokens.accessToken()), tokens.claim("at_hash"));
            assertEquals(IdTokenIssuer.halfHash(tokens.code()), tokens.claim("c_hash"), "c_hash stays right");
        }
    }

    @Nested
    class Hostile_payloads {
        @Test
        void oversized_carries_two_mebibytes_of_padding() {
            Flows.Tokens tokens = withFault(IdTokenFault.OVERSIZED);
            assertEquals(2 * 1024 * 1024, ((String) tokens.claim("padding")).length());
            assertEquals(params.get("nonce"), tokens.claim("nonce"));
        }

        @Test
        void deeply_nested_holds_a_hundred_thousand_arrays_written_by_hand() {
            simulator.faults().nextIdToken(IdTokenFault.DEEPLY_NESTED);
            String idToken = Flows.idTokenText(simulator, params);
            assertTrue(JoseText.verifies(idToken, JoseText.primary(simulator)));
            String payload = JoseText.payloadText(idToken);
            String nested = "\"nested\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
            assertTrue(payload.endsWith(nested));
            assertTrue(payload.contains(params.get("nonce")), "the other claims are intact");
        }

        @Test
        void verified_at_is_a_number_no_double_holds() {
            simulator.faults().nextIdToken(IdTokenFault.HOSTILE_VERIFIED_AT);
            String idToken = Flows.idTokenText(simulator, params);
            assertTrue(JoseText.verifies(idToken, JoseText.primary(simulator)));
            String payload = JoseText.payloadText(idToken);
            assertTrue(payload.endsWith(",\"verified_at\":1e999999999}"), payload);
            assertEquals(1, payload.split("\"verified_at\"", -1).length - 1, "the released one is replaced");
        }

        @Test
        void given_name_of_a_mebibyte() {
            assertEquals(
                    1024 * 1024,
                    ((String) withFault(IdTokenFault.LONG_STRING_CLAIM).claim("given_name")).length());
        }
    }

    @Nested
    class Assurance {
        @Test
        void missing_aal_leaves_it_out_of_the_id_token_and_its_userinfo() {
            Flows.Tokens tokens = withFault(IdTokenFault.MISSING_AAL);
            assertFalse(tokens.claims().getClaims().containsKey("aal"));
            assertEquals(AuthorizeParams.VERIFIED, tokens.claim("acr"), "acr stays");
            Map<String, Object> userinfo = Flows.userinfo(simulator, tokens.accessToken());
            assertFalse(userinfo.containsKey("aal"));
            assertEquals(AuthorizeParams.VERIFIED, userinfo.get("ial"));
            assertEquals(
                    AuthenticationAssurance.DEFAULT.value(),
                    Flows.signIn(simulator, params).claim("aal"),
                    "one-shot");
        }

        @Test
        void no_auth_time_for_a_client_not_allowed_to_re_authenticate() {
            Flows.Tokens tokens = Flows.signIn(simulator, params);
            assertNull(tokens.claim("auth_time"));
            assertFalse(Flows.userinfo(simulator, tokens.accessToken()).containsKey("auth_time"));
        }
    }
}
