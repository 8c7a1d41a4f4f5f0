package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-shot misbehaviours of the authorization response. */
class AuthorizationFaultTest {
    private LoginGovSimulator simulator;
    private AuthorizeParams params;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
        params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
    }

    private HttpResponse<String> authorizeWith(AuthorizationFault fault) {
        simulator.faults().nextAuthorization(fault);
        HttpResponse<String> response = Http.get(params.url(simulator));
        assertEquals(302, response.statusCode(), response::body);
        return response;
    }

    @Test
    void hostile_error_description_is_url_encoded_and_decodes_to_markup_and_a_header_line() {
        HttpResponse<String> response = authorizeWith(AuthorizationFault.ERROR_WITH_HOSTILE_DESCRIPTION);
        String location = Http.location(response);
        assertFalse(location.contains("<") || location.contains("\r") || location.contains("\n"), location);
        assertTrue(location.contains("%3Cscript%3Ealert%281%29%3C%2Fscript%3E%0D%0ASet-Cookie%3A%20injected%3D1"));
        Map<String, String> redirect = Http.redirectParameters(response);
        assertEquals("invalid_request", redirect.get("error"));
        assertEquals("<script>alert(1)</script>\r\nSet-Cookie: injected=1", redirect.get("error_description"));
        assertEquals(params.get("state"), redirect.get("state"));
        assertFalse(redirect.containsKey("code"));
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("injected")));
        assertEquals(
                "invalid_request", simulator.recorder().authorizations().get(0).error());
    }

    @Test
    void wrong_state_comes_with_a_valid_code() {
        Map<String, String> redirect = Http.redirectParameters(authorizeWith(AuthorizationFault.WRONG_STATE));
        assertNotEquals(params.get("state"), redirect.get("state"));
        assertTrue(redirect.get("state").length() >= 22);
        assertTokensFor(redirect.get("code"));
    }

    @Test
    void missing_state_comes_with_a_valid_code() {
        Map<String, String> redirect = Http.redirectParameters(authorizeWith(AuthorizationFault.MISSING_STATE));
        assertFalse(redirect.containsKey("state"));
        assertTokensFor(redirect.get("code"));
    }

    @Test
    void a_state_fault_also_applies_when_the_person_picks_in_interactive_mode() {
        simulator.setMode(Mode.INTERACTIVE);
        simulator.faults().nextAuthorization(AuthorizationFault.MISSING_STATE);
        HttpResponse<String> picker = Http.get(params.url(simulator));
        assertEquals(200, picker.statusCode());
        java.util.regex.Matcher pending = java.util.regex.Pattern.compile(
                        "name=\"" + PersonaPickerPage.REQUEST_FIELD + "\" value=\"([^\"]+)\"")
                .matcher(picker.body());
        assertTrue(pending.find(), picker.body());
        HttpResponse<String> answer = Http.postForm(
                simulator.issuer() + SimulatorContext.SIGN_IN_PATH,
                Map.of(PersonaPickerPage.REQUEST_FIELD, pending.group(1), PersonaPickerPage.PERSONA_FIELD, "verified"));
        Map<String, String> redirect = Http.redirectParameters(answer);
        assertNotNull(redirect.get("code"));
        assertFalse(redirect.containsKey("state"));
    }

    @Test
    void the_next_authorization_is_production_again() {
        authorizeWith(AuthorizationFault.WRONG_STATE);
        assertEquals(
                params.get("state"),
                Http.redirectParameters(Http.get(params.url(simulator))).get("state"));
    }

    private void assertTokensFor(String code) {
        assertNotNull(code);
        HttpResponse<String> token = Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code));
        assertEquals(200, token.statusCode(), token::body);
    }
}
