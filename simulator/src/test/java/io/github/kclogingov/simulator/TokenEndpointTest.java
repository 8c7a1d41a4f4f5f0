package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.Registration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private String code() {
        return Flows.code(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
    }

    private HttpResponse<String> exchange(String code, String assertion) {
        Map<String, String> form = Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code);
        form.put("client_assertion", assertion);
        return Flows.token(simulator, form);
    }

    private ClientAssertionBuilder assertion() {
        return ClientAssertionBuilder.forClient(TestClients.CONFIDENTIAL, simulator);
    }

    /** The token endpoint's error shape: HTTP 400 and only {"error": free text}. */
    private static void assertTokenError(HttpResponse<String> response, String text) {
        assertEquals(400, response.statusCode(), response::body);
        Map<String, Object> body = Http.json(response);
        assertEquals(1, body.size(), () -> "only an error field: " + body);
        assertTrue(((String) body.get("error")).contains(text), () -> "error was: " + body.get("error"));
    }

    private void assertAssertionRefused(UnaryOperator<ClientAssertionBuilder> change, String text) {
        HttpResponse<String> response =
                exchange(code(), change.apply(assertion()).sign());
        assertTokenError(response, text);
        RecordedTokenRequest recorded = simulator.recorder().tokenRequests().get(0);
        assertEquals(400, recorded.status());
        assertTrue(recorded.error().contains(text));
    }

    @Nested
    class Codes {
        @Test
        void a_code_is_single_use() {
            String code = code();
            assertEquals(200, exchange(code, assertion().sign()).statusCode());
            assertTokenError(exchange(code, assertion().sign()), "Code is invalid");
        }

        @Test
        void a_code_lives_300_seconds() {
            String code = code();
            SharedSimulator.CLOCK.advance(LoginGovProtocol.CODE_LIFETIME.minusSeconds(1));
            assertEquals(200, exchange(code, assertion().sign()).statusCode());
            String late = code();
            SharedSimulator.CLOCK.advance(LoginGovProtocol.CODE_LIFETIME);
            assertTokenError(exchange(late, assertion().sign()), "Code is invalid either because it expired");
        }

        @Test
        void a_newer_sign_in_of_the_same_persona_at_the_same_client_replaces_the_code() {
            String older = code();
            String newer = code();
            assertTokenError(exchange(older, assertion().sign()), "Code is invalid");
            assertEquals(200, exchange(newer, assertion().sign()).statusCode());
        }

        @Test
        void an_unknown_code_is_refused() {
            assertTokenError(
                    exchange("6f1a3c0e-0000-4000-8000-000000000000", assertion().sign()), "Code is invalid");
        }

        @Test
        void a_refused_request_leaves_the_code_usable() {
            String code = code();
            assertTokenError(
                    exchange(code, assertion().audience(simulator.issuer()).sign()), "Invalid audience");
            assertEquals(200, exchange(code, assertion().sign()).statusCode());
        }

        @Test
        void grant_type_must_be_authorization_code() {
            Map<String, String> form = Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code());
            form.put("grant_type", "refresh_token");
            assertTokenError(Flows.token(simulator, form), "Grant type is not included in the list");
        }

        @Test
        void client_id_and_redirect_uri_fields_are_ignored() {
            Map<String, String> form = Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code());
            form.put("client_id", "someone-else");
            form.put("redirect_uri", "http://elsewhere.example/");
            assertEquals(200, Flows.token(simulator, form).statusCode());
        }

        @Test
        void get_is_not_allowed() {
            assertEquals(405, Http.get(simulator.endpoints().token()).statusCode());
        }
    }

    @Nested
    class Client_assertion {
        @Test
        void verified_with_the_first_registered_certificate_and_recorded_whole() {
            String assertion = assertion().sign();
            assertEquals(200, exchange(code(), assertion).statusCode());
            RecordedTokenRequest recorded = simulator.recorder().tokenRequests().get(0);
            assertEquals(assertion, recorded.clientAssertion());
            assertEquals(0, recorded.verifiedByCertificate());
            assertEquals("RS256", recorded.assertionHeader().get("alg"));
            assertEquals("client-key", recorded.assertionHeader().get("kid"));
            assertEquals(TestClients.CONFIDENTIAL, recorded.assertionClaims().get("iss"));
            assertEquals(TestClients.CONFIDENTIAL, recorded.clientId());
            assertEquals(200, recorded.status());
            assertNull(recorded.error());
        }

        @Test
        void the_second_registered_certificate_works_too() {
            assertEquals(
                    200,
                    exchange(code(), assertion().key(TestClients.KEY_B).sign()).statusCode());
            assertEquals(1, simulator.recorder().tokenRequests().get(0).verifiedByCertificate());
        }

        @Test
        void signed_by_an_unregistered_key() {
            assertAssertionRefused(a -> a.key(TestClients.UNREGISTERED), "Signature verification failed");
            assertNull(simulator.recorder().tokenRequests().get(0).verifiedByCertificate());
        }

        @Test
        void only_rs256_is_accepted() {
            assertAssertionRefused(a -> a.algorithm(JWSAlgorithm.RS512), "Expected a different algorithm");
            simulator.recorder().clear();
            assertAssertionRefused(a -> a.algorithm(JWSAlgorithm.PS256), "Expected a different algorithm");
        }

        @Test
        void audience_must_be_the_token_endpoint_not_the_issuer() {
            assertAssertionRefused(
                    a -> a.audience(simulator.issuer()),
                    "Invalid audience claim, expected " + simulator.endpoints().token());
        }

        @Test
        void audience_may_be_an_array_holding_the_token_endpoint() {
            String assertion = assertion()
                    .audience(List.of(simulator.issuer(), simulator.endpoints().token()))
                    .sign();
            assertEquals(200, exchange(code(), assertion).statusCode());
        }

        @Test
        void issuer_and_subject_must_both_be_the_client_id() {
            assertAssertionRefused(a -> a.issuer("someone-else"), "Invalid issuer");
            simulator.recorder().clear();
            assertAssertionRefused(a -> a.subject("someone-else"), "Invalid subject");
        }

        @Test
        void an_expired_assertion() {
            assertAssertionRefused(
                    a -> a.expiresAt(SharedSimulator.CLOCK.instant().minusSeconds(5)), "Signature has expired");
        }

        @Test
        void an_assertion_without_exp() {
            assertAssertionRefused(a -> a.expiresAt(null), "Missing exp");
        }

        @Test
        void exp_more_than_five_minutes_and_a_minute_of_skew_ahead() {
            Instant tooFar = SharedSimulator.CLOCK
                    .instant()
                    .plus(LoginGovProtocol.MAX_CLIENT_ASSERTION_LIFETIME)
                    .plusSeconds(61);
            assertAssertionRefused(a -> a.expiresAt(tooFar), "exp is too far in the future");
            Instant justInside = SharedSimulator.CLOCK
                    .instant()
                    .plus(LoginGovProtocol.MAX_CLIENT_ASSERTION_LIFETIME)
                    .plusSeconds(59);
            assertEquals(
                    200,
                    exchange(code(), assertion().expiresAt(justInside).sign()).statusCode());
        }

        @Test
        void iat_more_than_10_seconds_in_the_future() {
            assertAssertionRefused(
                    a -> a.issuedAt(SharedSimulator.CLOCK.instant().plusSeconds(30)), "Invalid iat");
            assertEquals(
                    200,
                    exchange(
                                    code(),
                                    assertion()
                                            .issuedAt(SharedSimulator.CLOCK
                                                    .instant()
                                                    .plusSeconds(5))
                                            .sign())
                            .statusCode());
        }

        @Test
        void iat_is_optional() {
            assertEquals(
                    200, exchange(code(), assertion().issuedAt(null).sign()).statusCode());
        }

        @Test
        void jti_is_required() {
            assertAssertionRefused(a -> a.jti(null), "Missing jti");
        }

        @Test
        void a_jti_cannot_be_replayed() {
            ClientAssertionBuilder same = assertion().jti("replayed-jti-" + System.nanoTime());
            assertEquals(200, exchange(code(), same.sign()).statusCode());
            assertTokenError(exchange(code(), same.sign()), "jti has already been used");
        }

        @Test
        void client_assertion_type_must_be_jwt_bearer() {
            Map<String, String> form = Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code());
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
            assertTokenError(Flows.token(simulator, form), "Client assertion type is not included in the list");
        }

        @Test
        void a_missing_or_malformed_assertion() {
            Map<String, String> form = Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code());
            form.remove("client_assertion");
            assertTokenError(Flows.token(simulator, form), "Client must authenticate via PKCE or private_key_jwt");
            assertTokenError(exchange(code(), "not-a-jwt"), "client_assertion is not a signed JWT");
            assertNull(simulator.recorder().tokenRequests().get(1).assertionHeader());
        }

        @Test
        void a_certificate_registered_at_runtime_is_used() {
            SelfSignedKey rotated = SelfSignedKey.generate("CN=rotated");
            String clientId = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:runtime";
            simulator.addServiceProvider(ServiceProvider.privateKeyJwt(
                    clientId,
                    List.of(TestClients.REDIRECT),
                    List.of(rotated.certificatePem()),
                    Registration.AUTH_ONLY));
            String code = Flows.code(simulator, AuthorizeParams.validFor(clientId));
            Map<String, String> form = Flows.tokenForm(simulator, clientId, code);
            form.put(
                    "client_assertion",
                    ClientAssertionBuilder.forClient(clientId, simulator)
                            .key(rotated)
                            .sign());
            assertEquals(200, Flows.token(simulator, form).statusCode());
        }
    }

    @Nested
    class Pkce {
        @Test
        void a_public_client_with_the_right_verifier() {
            AuthorizeParams params = AuthorizeParams.validFor(TestClients.PUBLIC);
            String code = Flows.code(simulator, params);
            assertEquals(
                    200,
                    Flows.token(simulator, Flows.tokenForm(simulator, TestClients.PUBLIC, code))
                            .statusCode());
        }

        @Test
        void a_public_client_with_a_wrong_or_missing_verifier() {
            String code = Flows.code(simulator, AuthorizeParams.validFor(TestClients.PUBLIC));
            Map<String, String> form = Flows.tokenForm(simulator, TestClients.PUBLIC, code);
            form.put("code_verifier", "a-different-verifier-that-is-also-long-enough-0000");
            assertTokenError(Flows.token(simulator, form), "Code verifier did not match code challenge");
            form.remove("code_verifier");
            assertTokenError(Flows.token(simulator, form), "Client must authenticate via PKCE or private_key_jwt");
        }

        @Test
        void a_confidential_client_that_sent_a_challenge_must_send_the_verifier() {
            String code = Flows.code(
                    simulator,
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL).pkce(Flows.VERIFIER));
            assertTokenError(exchange(code, assertion().sign()), "Code verifier did not match code challenge");
            Map<String, String> form = Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code);
            form.put("code_verifier", Flows.VERIFIER);
            assertEquals(200, Flows.token(simulator, form).statusCode());
        }
    }

    @Nested
    class Response_shape {
        @Test
        void success_is_bearer_for_900_seconds_with_an_id_token_and_no_refresh_token() {
            HttpResponse<String> response = exchange(code(), assertion().sign());
            assertEquals(200, response.statusCode());
            assertEquals(
                    "no-store", response.headers().firstValue("Cache-Control").orElse(""));
            Map<String, Object> body = Http.json(response);
            assertEquals("Bearer", body.get("token_type"));
            assertEquals(900L, ((Number) body.get("expires_in")).longValue());
            assertNotNull(body.get("access_token"));
            assertNotNull(body.get("id_token"));
            assertFalse(body.containsKey("refresh_token"));
        }

        @Test
        void the_token_error_fault_answers_its_text_once_and_keeps_the_code() {
            simulator.faults().nextTokenError("free text from the fault");
            String code = code();
            HttpResponse<String> response = exchange(code, assertion().sign());
            assertTokenError(response, "free text from the fault");
            assertEquals("free text from the fault", Http.json(response).get("error"));
            assertEquals(200, exchange(code, assertion().sign()).statusCode());
        }

        @Test
        void errors_carry_no_rfc_6749_code_nor_description() {
            HttpResponse<String> response = exchange("unknown", assertion().sign());
            Map<String, Object> body = Http.json(response);
            assertFalse(body.containsKey("error_description"));
            assertFalse(List.of("invalid_grant", "invalid_client", "invalid_request")
                    .contains(body.get("error")));
        }
    }
}
