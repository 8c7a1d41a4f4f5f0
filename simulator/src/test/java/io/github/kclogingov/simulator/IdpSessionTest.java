package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The person's Login.gov session as identity-idp keeps it: the tokens' {@code exp} and
 * {@code expires_in} are what is left of it (OutOfBandSessionAccessor, IdTokenBuilder,
 * OpenidConnectTokenForm), it slides on the person's activity at Login.gov, access tokens die with
 * it (AccessTokenVerifier), and once it has ended the attributes kept in it come back null
 * (OpenidConnectUserInfoPresenter).
 */
class IdpSessionTest {
    private static final String ALL_SCOPES =
            "openid email all_emails locale profile address phone social_security_number x509";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    /** A browser's sign-in: the code and the session cookie the browser keeps. */
    private record BrowserSignIn(String code, String cookie) {}

    private BrowserSignIn browserSignIn(AuthorizeParams params) {
        HttpResponse<String> response = Http.get(params.url(simulator));
        assertEquals(302, response.statusCode(), response::body);
        return new BrowserSignIn(
                Http.redirectParameters(response).get("code"), Http.cookie(response, SignInSessions.COOKIE));
    }

    private static AuthorizeParams verified(String clientId) {
        return AuthorizeParams.validFor(clientId).acr(AuthorizeParams.VERIFIED).scope(ALL_SCOPES);
    }

    private Map<String, Object> exchange(String clientId, String code) {
        HttpResponse<String> response = Flows.token(simulator, Flows.tokenForm(simulator, clientId, code));
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response);
    }

    private static JWTClaimsSet idToken(Map<String, Object> body) throws Exception {
        return JWTParser.parse((String) body.get("id_token")).getJWTClaimsSet();
    }

    private static long expiresIn(Map<String, Object> body) {
        return ((Number) body.get("expires_in")).longValue();
    }

    private HttpResponse<String> userinfo(Map<String, Object> body) {
        return Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer " + body.get("access_token"));
    }

    @Nested
    class What_is_left_of_the_session {
        @Test
        void a_fresh_session_gives_the_900_second_default_in_exp_and_expires_in() throws Exception {
            assertEquals(LoginGovProtocol.SESSION_TIMEOUT, simulator.sessionTimeout());
            Map<String, Object> body =
                    exchange(TestClients.CONFIDENTIAL, Flows.code(simulator, verified(TestClients.CONFIDENTIAL)));
            JWTClaimsSet claims = idToken(body);
            assertEquals(900L, expiresIn(body));
            assertEquals(
                    claims.getIssueTime().toInstant().plusSeconds(900),
                    claims.getExpirationTime().toInstant());
        }

        @Test
        void a_session_nearly_over_gives_a_short_exp_and_expires_in() throws Exception {
            String code = Flows.code(simulator, verified(TestClients.CONFIDENTIAL));
            SharedSimulator.CLOCK.advance(Duration.ofSeconds(290));
            Map<String, Object> body = exchange(TestClients.CONFIDENTIAL, code);
            JWTClaimsSet claims = idToken(body);
            assertEquals(610L, expiresIn(body));
            assertEquals(
                    claims.getIssueTime().toInstant().plusSeconds(610),
                    claims.getExpirationTime().toInstant());
            assertEquals("Jordan", claims.getStringClaim("given_name"), "verified attributes while it lives");
        }

        @Test
        void the_timeout_is_configurable_at_runtime() throws Exception {
            simulator.setSessionTimeout(Duration.ofSeconds(45));
            Map<String, Object> body =
                    exchange(TestClients.CONFIDENTIAL, Flows.code(simulator, verified(TestClients.CONFIDENTIAL)));
            assertEquals(45L, expiresIn(body));
            JWTClaimsSet claims = idToken(body);
            assertEquals(
                    claims.getIssueTime().toInstant().plusSeconds(45),
                    claims.getExpirationTime().toInstant());
        }

        @Test
        void the_person_s_activity_at_login_gov_starts_the_timeout_again() {
            BrowserSignIn signIn = browserSignIn(verified(TestClients.CONFIDENTIAL));
            SharedSimulator.CLOCK.advance(Duration.ofSeconds(200));
            // Any page of Login.gov the browser opens with its cookie, here the account page.
            Http.get(simulator.issuer() + SimulatorContext.ACCOUNT_PATH, "Cookie", signIn.cookie());
            assertEquals(900L, expiresIn(exchange(TestClients.CONFIDENTIAL, signIn.code())));
        }

        @Test
        void calls_without_the_browser_cookie_do_not_renew_it() {
            BrowserSignIn signIn = browserSignIn(verified(TestClients.CONFIDENTIAL));
            SharedSimulator.CLOCK.advance(Duration.ofSeconds(200));
            Http.get(simulator.issuer() + SimulatorContext.ACCOUNT_PATH);
            assertEquals(700L, expiresIn(exchange(TestClients.CONFIDENTIAL, signIn.code())));
        }
    }

    @Nested
    class Access_tokens_die_with_the_session {
        @Test
        void after_the_timeout_userinfo_answers_401() {
            Map<String, Object> body =
                    exchange(TestClients.CONFIDENTIAL, Flows.code(simulator, verified(TestClients.CONFIDENTIAL)));
            assertEquals(200, userinfo(body).statusCode());
            SharedSimulator.CLOCK.advance(simulator.sessionTimeout());
            HttpResponse<String> late = userinfo(body);
            assertEquals(401, late.statusCode());
            assertEquals(UserinfoEndpoint.NOT_FOUND, Http.json(late).get("error"));
        }

        @Test
        void when_the_session_is_ended_userinfo_answers_401() {
            Map<String, Object> body =
                    exchange(TestClients.CONFIDENTIAL, Flows.code(simulator, verified(TestClients.CONFIDENTIAL)));
            assertTrue(simulator.endSessions("verified") >= 1, "this sign-in's session, at least");
            assertEquals(401, userinfo(body).statusCode());
        }

        @Test
        void they_live_past_900_seconds_while_the_person_is_active_at_login_gov() {
            BrowserSignIn signIn = browserSignIn(verified(TestClients.CONFIDENTIAL));
            Map<String, Object> body = exchange(TestClients.CONFIDENTIAL, signIn.code());
            for (int i = 0; i < 3; i++) {
                SharedSimulator.CLOCK.advance(Duration.ofSeconds(800));
                Http.get(simulator.issuer() + SimulatorContext.ACCOUNT_PATH, "Cookie", signIn.cookie());
            }
            assertEquals(200, userinfo(body).statusCode(), "2400 s after sign-in, the session still lives");
        }
    }

    @Nested
    class After_the_session_ended {
        private Map<String, Object> exchangedAfterTheEnd(String clientId, AuthorizeParams params) {
            String code = Flows.code(simulator, params);
            simulator.endSessions(simulator.autoPersona());
            return exchange(clientId, code);
        }

        @Test
        void the_code_still_works_but_exp_is_now_and_expires_in_is_0() throws Exception {
            Map<String, Object> body =
                    exchangedAfterTheEnd(TestClients.CONFIDENTIAL, verified(TestClients.CONFIDENTIAL));
            JWTClaimsSet claims = idToken(body);
            assertEquals(0L, expiresIn(body));
            assertEquals(claims.getIssueTime(), claims.getExpirationTime());
            assertEquals(401, userinfo(body).statusCode(), "its access token is already dead");
        }

        @Test
        void verified_attributes_come_back_null_and_account_attributes_stay() throws Exception {
            JWTClaimsSet claims =
                    idToken(exchangedAfterTheEnd(TestClients.CONFIDENTIAL, verified(TestClients.CONFIDENTIAL)));
            Map<String, Object> all = claims.getClaims();
            for (String held : List.of(
                    "given_name",
                    "family_name",
                    "birthdate",
                    "social_security_number",
                    "address",
                    "phone",
                    "phone_verified",
                    "x509_subject",
                    "x509_issuer",
                    "locale")) {
                assertTrue(all.containsKey(held), () -> held + " is still released, as null: " + all);
                assertNull(all.get(held), held);
            }
            assertEquals(Boolean.FALSE, claims.getBooleanClaim("x509_presented"));
            assertEquals(
                    SharedSimulator.get().personas().stream()
                            .filter(p -> p.id().equals("verified"))
                            .findFirst()
                            .orElseThrow()
                            .email(),
                    claims.getStringClaim("email"));
            assertNotNull(claims.getClaim("all_emails"));
            assertNotNull(claims.getClaim("verified_at"), "verified_at comes from the account, not the session");
            assertEquals("urn:acr.login.gov:verified", claims.getStringClaim("acr"));
        }

        @Test
        void a_piv_cac_person_is_no_longer_presented() throws Exception {
            simulator.setAutoPersona("piv-cac");
            JWTClaimsSet claims =
                    idToken(exchangedAfterTheEnd(TestClients.CONFIDENTIAL, verified(TestClients.CONFIDENTIAL)));
            assertEquals(Boolean.FALSE, claims.getBooleanClaim("x509_presented"));
            assertNull(claims.getClaim("x509_subject"));
        }

        @Test
        void auth_time_is_the_time_of_the_answer() throws Exception {
            String code = Flows.code(simulator, AuthorizeParams.validFor(TestClients.REAUTHENTICATION));
            SharedSimulator.CLOCK.advance(Duration.ofSeconds(120));
            simulator.endSessions("verified");
            JWTClaimsSet claims = idToken(exchange(TestClients.REAUTHENTICATION, code));
            assertEquals(claims.getIssueTime().toInstant().getEpochSecond(), claims.getLongClaim("auth_time"));
        }

        @Test
        void a_session_that_timed_out_counts_as_ended() throws Exception {
            simulator.setSessionTimeout(Duration.ofSeconds(60));
            String code = Flows.code(simulator, verified(TestClients.CONFIDENTIAL));
            SharedSimulator.CLOCK.advance(Duration.ofSeconds(61));
            Map<String, Object> body = exchange(TestClients.CONFIDENTIAL, code);
            assertEquals(0L, expiresIn(body));
            assertNull(idToken(body).getClaim("given_name"));
        }

        @Test
        void ending_the_sessions_of_one_persona_leaves_the_others_alone() {
            simulator.endSessions("verified");
            simulator.setAutoPersona("facial-match");
            Map<String, Object> other =
                    exchange(TestClients.CONFIDENTIAL, Flows.code(simulator, verified(TestClients.CONFIDENTIAL)));
            assertEquals(0, simulator.endSessions("verified"));
            assertEquals(200, userinfo(other).statusCode());
            assertFalse(simulator.endSessions("facial-match") == 0);
        }
    }
}
