package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LogoutEndpointTest {
    private static final Pattern LOGOUT_ID = Pattern.compile("name=\"logout\" value=\"([^\"]+)\"");

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private static Map<String, String> valid() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", TestClients.CONFIDENTIAL);
        parameters.put("post_logout_redirect_uri", TestClients.LOGOUT_RETURN);
        parameters.put("state", "logout-state-" + UUID.randomUUID());
        return parameters;
    }

    private HttpResponse<String> logout(Map<String, String> parameters, String... headers) {
        return Http.get(simulator.endpoints().logout() + "?" + Http.encode(parameters), headers);
    }

    /** Signs in through the browser-facing authorize endpoint and returns the session cookie. */
    private String signedInCookie() {
        HttpResponse<String> response =
                Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL).url(simulator));
        return Http.cookie(response, SignInSessions.COOKIE);
    }

    private void assertErrorPage(HttpResponse<String> response, String text) {
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty(), "errors never redirect");
        assertTrue(response.body().contains(text), response.body());
        RecordedLogout recorded = simulator.recorder().logouts().get(0);
        assertEquals(RecordedLogout.Outcome.ERROR_PAGE, recorded.outcome());
        assertTrue(recorded.error().contains(text));
    }

    @Nested
    class Error_pages {
        @Test
        void id_token_hint_is_refused() {
            Map<String, String> parameters = valid();
            parameters.put("id_token_hint", "eyJhbGciOiJSUzI1NiJ9.e30.sig");
            assertErrorPage(logout(parameters), "id_token_hint is not supported");
            assertTrue(simulator.recorder().logouts().get(0).error().contains("client_id"));
        }

        @Test
        void client_id_is_required_and_must_be_known() {
            Map<String, String> parameters = valid();
            parameters.remove("client_id");
            assertErrorPage(logout(parameters), "client_id is required");
            simulator.recorder().clear();
            parameters.put("client_id", "urn:gov:gsa:openidconnect.profiles:sp:sso:nobody:none");
            assertErrorPage(logout(parameters), "Bad client_id");
        }

        @Test
        void post_logout_redirect_uri_must_be_registered() {
            Map<String, String> parameters = valid();
            parameters.put("post_logout_redirect_uri", "http://localhost:8080/somewhere-else");
            assertErrorPage(logout(parameters), "post_logout_redirect_uri does not match");
        }

        @Test
        void an_explicit_post_logout_list_replaces_the_redirect_uris() {
            Map<String, String> parameters = valid();
            parameters.put("client_id", TestClients.EXPLICIT_LOGOUT);
            parameters.put("post_logout_redirect_uri", TestClients.REDIRECT);
            assertErrorPage(logout(parameters), "post_logout_redirect_uri does not match");
            parameters.put("post_logout_redirect_uri", TestClients.LOGOUT_RETURN);
            assertEquals(302, logout(parameters).statusCode());
        }

        @Test
        void a_short_state() {
            Map<String, String> parameters = valid();
            parameters.put("state", "too-short");
            assertErrorPage(logout(parameters), "State is too short");
        }
    }

    /** identity-idp since #12048: a signed-in person is asked whatever the mode; automatic mode signs in only. */
    @Nested
    class Automatic_mode {
        @Test
        void a_signed_in_person_sees_the_confirmation_and_nothing_returns_until_yes() {
            Map<String, String> parameters = valid();
            HttpResponse<String> page = logout(parameters, "Cookie", signedInCookie());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Location").isEmpty(), "no redirect before the person confirms");
            assertTrue(page.body().contains("Yes, sign out"), page.body());
            assertEquals(
                    RecordedLogout.Outcome.CONFIRMATION_SHOWN,
                    simulator.recorder().logouts().get(0).outcome());
            Matcher matcher = LOGOUT_ID.matcher(page.body());
            assertTrue(matcher.find());
            HttpResponse<String> yes = Http.postForm(
                    simulator.issuer() + SimulatorContext.LOGOUT_ANSWER_PATH,
                    Map.of("logout", matcher.group(1), "answer", "yes"));
            assertEquals(TestClients.LOGOUT_RETURN + "?state=" + parameters.get("state"), Http.location(yes));
            assertEquals(
                    RecordedLogout.Outcome.CONFIRMED,
                    simulator.recorder().logouts().get(0).outcome());
        }

        @Test
        void without_a_session_the_redirect_is_immediate_as_login_gov_does() {
            Map<String, String> parameters = valid();
            HttpResponse<String> response = logout(parameters);
            assertEquals(302, response.statusCode());
            assertEquals(TestClients.LOGOUT_RETURN + "?state=" + parameters.get("state"), Http.location(response));
            assertEquals(
                    RecordedLogout.Outcome.REDIRECTED_WITHOUT_SESSION,
                    simulator.recorder().logouts().get(0).outcome());
        }

        @Test
        void a_session_that_timed_out_is_no_session() {
            String cookie = signedInCookie();
            SharedSimulator.CLOCK.advance(simulator.sessionTimeout().plusSeconds(1));
            HttpResponse<String> response = logout(valid(), "Cookie", cookie);
            assertEquals(302, response.statusCode());
            assertEquals(
                    RecordedLogout.Outcome.REDIRECTED_WITHOUT_SESSION,
                    simulator.recorder().logouts().get(0).outcome());
        }

        @Test
        void switched_to_never_it_redirects_at_once_echoing_the_state_and_ends_the_session() {
            simulator.setLogoutConfirmation(LogoutConfirmation.NEVER);
            Map<String, String> parameters = valid();
            String cookie = signedInCookie();
            HttpResponse<String> response = logout(parameters, "Cookie", cookie);
            assertEquals(302, response.statusCode());
            assertEquals(TestClients.LOGOUT_RETURN + "?state=" + parameters.get("state"), Http.location(response));
            RecordedLogout recorded = simulator.recorder().logouts().get(0);
            assertEquals(RecordedLogout.Outcome.REDIRECTED_AUTO_CONFIRMED, recorded.outcome());
            assertEquals(parameters.get("state"), recorded.parameter("state"));
            logout(valid(), "Cookie", cookie);
            assertEquals(
                    RecordedLogout.Outcome.REDIRECTED_WITHOUT_SESSION,
                    simulator.recorder().logouts().get(1).outcome());
        }

        @Test
        void without_state_nothing_is_added() {
            Map<String, String> parameters = valid();
            parameters.remove("state");
            assertEquals(TestClients.LOGOUT_RETURN, Http.location(logout(parameters)));
        }
    }

    @Nested
    class Interactive_mode {
        @BeforeEach
        void interactive() {
            simulator.setMode(Mode.INTERACTIVE);
        }

        private String confirmationId(HttpResponse<String> page) {
            Matcher matcher = LOGOUT_ID.matcher(page.body());
            assertTrue(matcher.find(), page.body());
            return matcher.group(1);
        }

        private String interactiveCookie() {
            simulator.setMode(Mode.AUTOMATIC);
            String cookie = signedInCookie();
            simulator.setMode(Mode.INTERACTIVE);
            return cookie;
        }

        @Test
        void a_signed_in_person_sees_a_confirmation_page() {
            HttpResponse<String> page = logout(valid(), "Cookie", interactiveCookie());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Yes, sign out"));
            assertTrue(page.body().contains("No, go to my account"));
            assertEquals(
                    RecordedLogout.Outcome.CONFIRMATION_SHOWN,
                    simulator.recorder().logouts().get(0).outcome());
        }

        @Test
        void yes_returns_to_the_relying_party_with_the_state_and_ends_the_session() {
            Map<String, String> parameters = valid();
            String cookie = interactiveCookie();
            String id = confirmationId(logout(parameters, "Cookie", cookie));
            HttpResponse<String> response = Http.postForm(
                    simulator.issuer() + SimulatorContext.LOGOUT_ANSWER_PATH, Map.of("logout", id, "answer", "yes"));
            assertEquals(TestClients.LOGOUT_RETURN + "?state=" + parameters.get("state"), Http.location(response));
            assertEquals(
                    RecordedLogout.Outcome.CONFIRMED,
                    simulator.recorder().logouts().get(0).outcome());
            // The session is over: the next logout redirects at once.
            assertEquals(302, logout(valid(), "Cookie", cookie).statusCode());
            assertEquals(
                    RecordedLogout.Outcome.REDIRECTED_WITHOUT_SESSION,
                    simulator.recorder().logouts().get(1).outcome());
        }

        @Test
        void no_goes_to_the_account_page_and_never_returns() {
            String cookie = interactiveCookie();
            String id = confirmationId(logout(valid(), "Cookie", cookie));
            HttpResponse<String> response = Http.postForm(
                    simulator.issuer() + SimulatorContext.LOGOUT_ANSWER_PATH, Map.of("logout", id, "answer", "no"));
            assertEquals(simulator.issuer() + SimulatorContext.ACCOUNT_PATH, Http.location(response));
            assertEquals(
                    RecordedLogout.Outcome.DECLINED,
                    simulator.recorder().logouts().get(0).outcome());
            HttpResponse<String> account = Http.get(Http.location(response), "Cookie", cookie);
            assertEquals(200, account.statusCode());
            assertTrue(account.body().contains("Jordan Verified"));
            assertFalse(account.body().contains(TestClients.LOGOUT_RETURN));
        }

        @Test
        void without_a_session_the_redirect_is_immediate() {
            Map<String, String> parameters = valid();
            HttpResponse<String> response = logout(parameters);
            assertEquals(TestClients.LOGOUT_RETURN + "?state=" + parameters.get("state"), Http.location(response));
            assertEquals(
                    RecordedLogout.Outcome.REDIRECTED_WITHOUT_SESSION,
                    simulator.recorder().logouts().get(0).outcome());
        }
    }
}
