package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-authentication as Login.gov runs it: only for an allow-listed client, which also gets auth_time. */
class ReauthenticationTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private static AuthorizeParams allowed() {
        return AuthorizeParams.validFor(TestClients.REAUTHENTICATION);
    }

    /** Authorizes with the browser's cookie (or none) and returns the response. */
    private HttpResponse<String> authorize(AuthorizeParams params, String cookie) {
        return cookie == null ? Http.get(params.url(simulator)) : Http.get(params.url(simulator), "Cookie", cookie);
    }

    private Flows.Tokens tokensFor(HttpResponse<String> authorization, String clientId) {
        assertEquals(302, authorization.statusCode(), authorization::body);
        String code = Http.redirectParameters(authorization).get("code");
        HttpResponse<String> response = Flows.token(simulator, Flows.tokenForm(simulator, clientId, code));
        assertEquals(200, response.statusCode(), response::body);
        return Flows.Tokens.of(Http.json(response), code);
    }

    private static long authTime(Flows.Tokens tokens) {
        return ((Number) tokens.claim("auth_time")).longValue();
    }

    @Test
    void prompt_login_is_refused_for_a_client_not_on_the_allow_list() {
        HttpResponse<String> response = Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                .with("prompt", "login")
                .url(simulator));
        Map<String, String> redirect = Http.redirectParameters(response);
        assertEquals("invalid_request", redirect.get("error"));
        assertEquals(AuthorizationValidator.PROMPT_INVALID, redirect.get("error_description"));
    }

    @Test
    void prompt_none_is_refused_even_for_an_allow_listed_client() {
        assertEquals(
                "invalid_request",
                Http.redirectParameters(authorize(allowed().with("prompt", "none"), null))
                        .get("error"));
    }

    @Test
    void auth_time_is_released_in_the_id_token_and_userinfo_of_an_allow_listed_client() {
        long now = simulator.now().getEpochSecond();
        Flows.Tokens tokens = tokensFor(authorize(allowed(), null), TestClients.REAUTHENTICATION);
        assertEquals(now, authTime(tokens));
        Map<String, Object> userinfo = Flows.userinfo(simulator, tokens.accessToken());
        assertEquals(now, ((Number) userinfo.get("auth_time")).longValue());
    }

    @Test
    void select_account_reuses_the_session_and_its_authentication_time() {
        HttpResponse<String> first = authorize(allowed(), null);
        long signedInAt = authTime(tokensFor(first, TestClients.REAUTHENTICATION));
        String cookie = Http.cookie(first, SignInSessions.COOKIE);
        SharedSimulator.CLOCK.advance(Duration.ofMinutes(5));
        Flows.Tokens reused =
                tokensFor(authorize(allowed().with("prompt", "select_account"), cookie), TestClients.REAUTHENTICATION);
        assertEquals(signedInAt, authTime(reused));
        Flows.Tokens absentPrompt = tokensFor(authorize(allowed(), cookie), TestClients.REAUTHENTICATION);
        assertEquals(signedInAt, authTime(absentPrompt), "an absent prompt is select_account");
    }

    @Test
    void prompt_login_authenticates_afresh_and_the_session_keeps_the_new_time() {
        HttpResponse<String> first = authorize(allowed(), null);
        String cookie = Http.cookie(first, SignInSessions.COOKIE);
        tokensFor(first, TestClients.REAUTHENTICATION);
        SharedSimulator.CLOCK.advance(Duration.ofMinutes(5));
        long now = simulator.now().getEpochSecond();
        Flows.Tokens fresh =
                tokensFor(authorize(allowed().with("prompt", "login"), cookie), TestClients.REAUTHENTICATION);
        assertEquals(now, authTime(fresh));
        SharedSimulator.CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(now, authTime(tokensFor(authorize(allowed(), cookie), TestClients.REAUTHENTICATION)));
    }

    @Test
    void without_a_session_the_person_authenticates_now() {
        HttpResponse<String> first = authorize(allowed(), null);
        tokensFor(first, TestClients.REAUTHENTICATION);
        SharedSimulator.CLOCK.advance(Duration.ofMinutes(5));
        long now = simulator.now().getEpochSecond();
        assertEquals(now, authTime(tokensFor(authorize(allowed(), null), TestClients.REAUTHENTICATION)));
    }

    @Test
    void stale_auth_time_is_a_day_old_in_the_id_token_and_userinfo() {
        long now = simulator.now().getEpochSecond();
        simulator.faults().nextIdToken(IdTokenFault.STALE_AUTH_TIME);
        Flows.Tokens tokens =
                tokensFor(authorize(allowed().with("prompt", "login"), null), TestClients.REAUTHENTICATION);
        assertEquals(now - 86400, authTime(tokens));
        assertTrue(JoseText.verifies(tokens.idToken(), JoseText.primary(simulator)));
        assertEquals(
                now - 86400,
                ((Number) Flows.userinfo(simulator, tokens.accessToken()).get("auth_time")).longValue());
        assertEquals(now, authTime(tokensFor(authorize(allowed(), null), TestClients.REAUTHENTICATION)), "one-shot");
    }

    @Test
    void the_flag_is_off_by_default_read_from_the_configuration_file_and_shown() throws Exception {
        ServiceProvider fromFile = SimulatorConfigFile.serviceProvider(
                Map.of(
                        "clientId",
                        "urn:gov:gsa:openidconnect.profiles:sp:sso:test:file",
                        "redirectUris",
                        java.util.List.of(TestClients.REDIRECT),
                        "authentication",
                        "pkce",
                        "reauthenticationAllowed",
                        true),
                java.nio.file.Path.of("."));
        assertTrue(fromFile.reauthenticationAllowed());
        assertTrue(fromFile.toString().contains("re-authentication allowed"));
        assertFalse(ServiceProvider.pkce(
                        "urn:gov:gsa:openidconnect.profiles:sp:sso:test:default",
                        java.util.List.of(TestClients.REDIRECT),
                        io.github.kclogingov.protocol.Registration.AUTH_ONLY)
                .reauthenticationAllowed());
    }
}
