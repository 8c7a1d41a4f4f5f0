package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthorizeEndpointTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private HttpResponse<String> authorize(AuthorizeParams params) {
        return Http.get(params.url(simulator));
    }

    private static AuthorizeParams valid() {
        return AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
    }

    @Nested
    class Error_pages_without_redirect {
        private void assertErrorPage(HttpResponse<String> response, String message) {
            assertEquals(400, response.statusCode());
            assertTrue(response.headers().firstValue("Location").isEmpty(), "an error page never redirects");
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().contains(message), response.body());
            assertEquals(
                    RecordedAuthorization.Outcome.ERROR_PAGE,
                    simulator.recorder().authorizations().get(0).outcome());
        }

        @Test
        void unknown_client_id() {
            assertErrorPage(
                    authorize(valid().with("client_id", "urn:gov:gsa:openidconnect.profiles:sp:sso:nobody:none")),
                    "Bad client_id");
        }

        @Test
        void missing_client_id() {
            assertErrorPage(authorize(valid().without("client_id")), "Bad client_id");
        }

        @Test
        void unregistered_redirect_uri() {
            assertErrorPage(
                    authorize(valid().with("redirect_uri", "http://localhost:8080/elsewhere")),
                    "redirect_uri does not match registered redirect_uri");
        }

        @Test
        void redirect_uri_path_compares_exactly() {
            assertErrorPage(
                    authorize(valid().with("redirect_uri", TestClients.REDIRECT.replace("endpoint", "Endpoint"))),
                    "redirect_uri does not match");
            assertErrorPage(
                    authorize(valid().with("redirect_uri", TestClients.REDIRECT + "?extra=1")),
                    "redirect_uri does not match");
        }

        @Test
        void redirect_uri_scheme_and_host_compare_case_insensitively() {
            HttpResponse<String> response = authorize(
                    valid().with("redirect_uri", TestClients.REDIRECT.replace("http://localhost", "HTTP://LocalHost")));
            assertEquals(302, response.statusCode());
            assertTrue(Http.location(response)
                    .startsWith("HTTP://LocalHost:8080/realms/demo/broker/logingov/endpoint?code="));
        }

        @Test
        void post_is_not_allowed() {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(valid().url(simulator)))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertEquals(405, response.statusCode());
        }
    }

    @Nested
    class Invalid_request_redirects {
        private void assertInvalidRequest(AuthorizeParams params, String description) {
            HttpResponse<String> response = authorize(params);
            assertEquals(302, response.statusCode(), response::body);
            assertTrue(Http.location(response).startsWith(TestClients.REDIRECT + "?error=invalid_request"));
            Map<String, String> redirect = Http.redirectParameters(response);
            assertEquals("invalid_request", redirect.get("error"));
            assertTrue(redirect.get("error_description").contains(description), redirect.get("error_description"));
            assertEquals(params.get("state"), redirect.get("state"));
            assertFalse(redirect.containsKey("code"));
            RecordedAuthorization recorded =
                    simulator.recorder().authorizations().get(0);
            assertEquals(RecordedAuthorization.Outcome.REDIRECTED_WITH_ERROR, recorded.outcome());
            assertEquals("invalid_request", recorded.error());
        }

        @Test
        void response_type_other_than_code() {
            assertInvalidRequest(valid().with("response_type", "token"), "Response type is not included in the list");
        }

        @Test
        void state_shorter_than_22_characters() {
            assertInvalidRequest(
                    valid().with("state", "only-21-characters-xx"), "State is too short (minimum is 22 characters)");
        }

        @Test
        void state_missing_is_refused_and_not_echoed() {
            HttpResponse<String> response = authorize(valid().without("state"));
            Map<String, String> redirect = Http.redirectParameters(response);
            assertEquals("invalid_request", redirect.get("error"));
            assertTrue(redirect.get("error_description").contains("State can't be blank"));
            assertFalse(redirect.containsKey("state"));
        }

        @Test
        void nonce_missing_or_shorter_than_22_characters() {
            assertInvalidRequest(valid().with("nonce", "short-nonce"), "Nonce is too short (minimum is 22 characters)");
            simulator.recorder().clear();
            assertInvalidRequest(valid().without("nonce"), "Nonce can't be blank");
        }

        @Test
        void prompt_other_than_select_account() {
            assertInvalidRequest(valid().with("prompt", "login"), "No valid prompt values found");
            simulator.recorder().clear();
            assertInvalidRequest(valid().with("prompt", "none"), "No valid prompt values found");
        }

        @Test
        void acr_values_without_an_ial_value() {
            assertInvalidRequest(valid().without("acr_values"), "Missing a valid IAL level");
            simulator.recorder().clear();
            assertInvalidRequest(
                    valid().acr("http://idmanagement.gov/ns/assurance/aal/2"), "Missing a valid IAL level");
        }

        @Test
        void two_ial_values() {
            assertInvalidRequest(
                    valid().acr("urn:acr.login.gov:auth-only urn:acr.login.gov:verified"), "exactly one IAL value");
        }

        @Test
        void verified_level_from_an_auth_only_service_provider() {
            assertInvalidRequest(
                    AuthorizeParams.validFor(TestClients.AUTH_ONLY).acr(AuthorizeParams.VERIFIED),
                    "The acr_values are not authorized");
            simulator.recorder().clear();
            assertInvalidRequest(
                    AuthorizeParams.validFor(TestClients.AUTH_ONLY).acr("http://idmanagement.gov/ns/assurance/ial/2"),
                    "The acr_values are not authorized");
        }

        @Test
        void ialmax_from_a_service_provider_not_on_the_allow_list() {
            assertInvalidRequest(
                    valid().acr("http://idmanagement.gov/ns/assurance/ial/0"), "The acr_values are not authorized");
        }

        @Test
        void no_valid_scope_left() {
            assertInvalidRequest(valid().scope("made-up another"), "No valid scope values found");
            simulator.recorder().clear();
            // Verified-only scopes are dropped at auth-only, leaving nothing.
            assertInvalidRequest(valid().scope("address phone"), "No valid scope values found");
        }

        @Test
        void pkce_client_without_code_challenge() {
            assertInvalidRequest(
                    AuthorizeParams.validFor(TestClients.PUBLIC)
                            .without("code_challenge")
                            .without("code_challenge_method"),
                    "Code challenge can't be blank");
        }

        @Test
        void plain_code_challenge_method() {
            assertInvalidRequest(
                    AuthorizeParams.validFor(TestClients.PUBLIC).with("code_challenge_method", "plain"),
                    "Code challenge method is not included in the list");
            simulator.recorder().clear();
            assertInvalidRequest(
                    valid().pkce(Flows.VERIFIER).with("code_challenge_method", "plain"),
                    "Code challenge method is not included in the list");
        }

        @Test
        void every_error_is_reported_at_once() {
            assertInvalidRequest(
                    valid().with("state", "short-state-value").with("nonce", "short"),
                    "State is too short (minimum is 22 characters) Nonce is too short");
        }
    }

    @Nested
    class Automatic_sign_in {
        @Test
        void redirects_with_a_uuid_code_and_the_state() {
            AuthorizeParams params = valid().without("prompt");
            HttpResponse<String> response = authorize(params);
            assertEquals(302, response.statusCode());
            Map<String, String> redirect = Http.redirectParameters(response);
            UUID.fromString(redirect.get("code"));
            assertEquals(params.get("state"), redirect.get("state"));
            assertFalse(redirect.containsKey("iss"), "no RFC 9207 iss parameter");
            RecordedAuthorization recorded =
                    simulator.recorder().authorizations().get(0);
            assertEquals(RecordedAuthorization.Outcome.REDIRECTED_WITH_CODE, recorded.outcome());
            assertEquals("verified", recorded.personaId());
            assertEquals(redirect.get("code"), recorded.code());
        }

        @Test
        void signs_in_the_auto_persona_set_at_runtime() {
            simulator.setAutoPersona("auth-only");
            authorize(valid().with("prompt", "select_account"));
            assertEquals(
                    "auth-only", simulator.recorder().authorizations().get(0).personaId());
        }

        @Test
        void records_every_parameter_including_ignored_ones_and_the_locale() {
            authorize(valid().with("locale", "es")
                    .with("login_hint", "someone@example.com")
                    .with("vtr", "[\"C1\"]"));
            RecordedAuthorization recorded =
                    simulator.recorder().authorizations().get(0);
            assertEquals("es", recorded.locale());
            assertEquals("someone@example.com", recorded.parameter("login_hint"));
            assertEquals("[\"C1\"]", recorded.parameter("vtr"));
            assertEquals(TestClients.CONFIDENTIAL, recorded.parameter("client_id"));
        }

        @Test
        void private_key_jwt_client_may_send_pkce_too() {
            HttpResponse<String> response = authorize(valid().pkce(Flows.VERIFIER));
            assertTrue(Http.redirectParameters(response).containsKey("code"));
        }

        @Test
        void cancel_fault_answers_access_denied_with_the_state() {
            simulator.faults().nextAuthorization(AuthorizationFault.CANCEL);
            AuthorizeParams params = valid();
            Map<String, String> redirect = Http.redirectParameters(authorize(params));
            assertEquals("access_denied", redirect.get("error"));
            assertEquals(params.get("state"), redirect.get("state"));
            assertFalse(redirect.containsKey("code"));
            assertTrue(Http.redirectParameters(authorize(valid())).containsKey("code"), "the fault is one-shot");
        }

        @Test
        void persona_without_the_proofing_the_level_needs_gets_access_denied() {
            simulator.setAutoPersona("auth-only");
            Map<String, String> redirect = Http.redirectParameters(authorize(valid().acr(AuthorizeParams.VERIFIED)));
            assertEquals("access_denied", redirect.get("error"));
            assertEquals(SignInFlow.NOT_VERIFIED, redirect.get("error_description"));
            simulator.setAutoPersona("verified");
            redirect =
                    Http.redirectParameters(authorize(valid().acr("urn:acr.login.gov:verified-facial-match-required")));
            assertEquals("access_denied", redirect.get("error"));
        }
    }

    @Nested
    class Interactive_persona_picker {
        private static final Pattern REQUEST_ID = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

        @BeforeEach
        void interactive() {
            simulator.setMode(Mode.INTERACTIVE);
        }

        private String pendingId(HttpResponse<String> page) {
            Matcher matcher = REQUEST_ID.matcher(page.body());
            assertTrue(matcher.find(), page.body());
            return matcher.group(1);
        }

        private HttpResponse<String> answer(String pendingId, String field, String value) {
            return Http.postForm(
                    simulator.issuer() + SimulatorContext.SIGN_IN_PATH, Map.of("request", pendingId, field, value));
        }

        @Test
        void shows_a_sign_in_button_per_persona_and_a_cancel_button() {
            HttpResponse<String> page = authorize(valid());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<html lang=\"en\">"));
            for (Persona persona : Persona.defaults()) {
                assertTrue(page.body().contains("Sign in as " + persona.displayName()), persona.id());
            }
            assertTrue(page.body().contains(">Cancel</button>"));
            assertEquals(
                    RecordedAuthorization.Outcome.AWAITING_PERSONA,
                    simulator.recorder().authorizations().get(0).outcome());
        }

        @Test
        void lists_a_persona_that_cannot_reach_the_level_as_not_eligible() {
            HttpResponse<String> page = authorize(valid().acr(AuthorizeParams.VERIFIED));
            assertFalse(page.body().contains("name=\"persona\" value=\"auth-only\""), "no button submits Casey");
            assertTrue(page.body().contains("Not eligible"));
            assertTrue(page.body().contains("Sign in as Jordan Verified"));
        }

        @Test
        void choosing_a_persona_redirects_with_a_code_and_updates_the_record() {
            AuthorizeParams params = valid();
            HttpResponse<String> response = answer(pendingId(authorize(params)), "persona", "facial-match");
            Map<String, String> redirect = Http.redirectParameters(response);
            assertEquals(params.get("state"), redirect.get("state"));
            RecordedAuthorization recorded =
                    simulator.recorder().authorizations().get(0);
            assertEquals(RecordedAuthorization.Outcome.REDIRECTED_WITH_CODE, recorded.outcome());
            assertEquals("facial-match", recorded.personaId());
            assertEquals(redirect.get("code"), recorded.code());
        }

        @Test
        void cancel_redirects_with_access_denied() {
            AuthorizeParams params = valid();
            Map<String, String> redirect =
                    Http.redirectParameters(answer(pendingId(authorize(params)), "cancel", "true"));
            assertEquals("access_denied", redirect.get("error"));
            assertNull(redirect.get("error_description"));
            assertEquals(params.get("state"), redirect.get("state"));
        }

        @Test
        void a_picker_cannot_be_answered_twice() {
            String pendingId = pendingId(authorize(valid()));
            assertEquals(302, answer(pendingId, "persona", "verified").statusCode());
            assertEquals(400, answer(pendingId, "persona", "verified").statusCode());
        }
    }
}
