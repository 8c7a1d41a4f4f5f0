package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.Registration;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values from requests and configuration reach the pages as text, never as markup: a client_id or
 * state written to break out of an element or attribute is shown inert.
 */
class PageEscapingTest {
    /** Registered, so it reaches the persona page and the logout confirmation; no whitespace, as client ids need. */
    private static final String HOSTILE_CLIENT =
            "urn:gov:gsa:openidconnect.profiles:sp:sso:test:\"><script>alert(1)</script><b\"'&amp;";

    private static final String HOSTILE_STATE = "\"><script>alert(2)</script><img src=x onerror=alert(3)>";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
        simulator.addServiceProvider(ServiceProvider.pkce(
                HOSTILE_CLIENT, List.of(TestClients.REDIRECT, TestClients.LOGOUT_RETURN), Registration.VERIFIED));
    }

    private static void assertInert(HttpResponse<String> page) {
        String body = page.body();
        assertFalse(body.contains("<script>"), body);
        assertFalse(body.contains("<img"), body);
        assertFalse(body.contains("<b\""), body);
    }

    @Test
    void a_hostile_client_id_and_state_on_the_persona_page_are_text() {
        simulator.setMode(Mode.INTERACTIVE);
        AuthorizeParams params =
                AuthorizeParams.validFor(HOSTILE_CLIENT).pkce(Flows.VERIFIER).with("state", HOSTILE_STATE);
        HttpResponse<String> page = Http.get(params.url(simulator));
        assertEquals(200, page.statusCode(), page.body());
        assertInert(page);
        assertTrue(page.body().contains(HtmlPage.escape(HOSTILE_CLIENT)), "the client id is shown, escaped");
        assertTrue(page.body().contains("&amp;amp;"), "an entity in the client id is shown as written");
    }

    @Test
    void a_hostile_unknown_client_id_on_the_error_page_is_text() {
        HttpResponse<String> page = Http.get(AuthorizeParams.validFor(HOSTILE_CLIENT + ":unknown")
                .with("state", HOSTILE_STATE)
                .url(simulator));
        assertEquals(400, page.statusCode());
        assertInert(page);
    }

    @Test
    void a_hostile_client_id_on_the_logout_confirmation_is_text() {
        String cookie = Http.cookie(
                Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL).url(simulator)), SignInSessions.COOKIE);
        simulator.setMode(Mode.INTERACTIVE);
        Map<String, String> logout = new LinkedHashMap<>();
        logout.put("client_id", HOSTILE_CLIENT);
        logout.put("post_logout_redirect_uri", TestClients.LOGOUT_RETURN);
        logout.put("state", HOSTILE_STATE);
        HttpResponse<String> page =
                Http.get(simulator.endpoints().logout() + "?" + Http.encode(logout), "Cookie", cookie);
        assertEquals(200, page.statusCode(), page.body());
        assertInert(page);
        assertTrue(page.body().contains(HtmlPage.escape(HOSTILE_CLIENT)));
    }
}
