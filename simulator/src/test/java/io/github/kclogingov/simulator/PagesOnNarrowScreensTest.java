package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page a person can reach carries what keeps it inside a 360 px wide screen: the viewport
 * meta tag, a width-limited body and text (long URNs included) that may break anywhere.
 */
class PagesOnNarrowScreensTest {
    static final String VIEWPORT = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    static final String WRAPPING = "overflow-wrap: anywhere";
    static final String LIMITED_WIDTH = "max-width: 44rem";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private static void assertFitsNarrowScreens(String page, HttpResponse<String> response) {
        String body = response.body();
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
        assertTrue(body.contains(VIEWPORT), page + " has no viewport meta tag");
        assertTrue(body.contains(WRAPPING), page + " does not let long words wrap");
        assertTrue(body.contains(LIMITED_WIDTH), page + " has no width limit");
    }

    @Test
    void the_new_password_step_and_the_page_of_partners_security_events() {
        PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.AUTHORIZATION_FRAUD)
                .send();
        assertFitsNarrowScreens(
                "new password",
                Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL).url(simulator)));
        assertFitsNarrowScreens(
                "partners' security events", Http.get(simulator.issuer() + SimulatorContext.PARTNER_EVENTS_PAGE_PATH));
    }

    @Test
    void the_root_page() {
        assertFitsNarrowScreens("root", Http.get(simulator.issuer()));
    }

    @Test
    void the_persona_page_and_the_expired_sign_in_page() {
        simulator.setMode(Mode.INTERACTIVE);
        assertFitsNarrowScreens(
                "persona page",
                Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL).url(simulator)));
        assertFitsNarrowScreens(
                "expired sign-in",
                Http.postForm(
                        simulator.issuer() + SimulatorContext.SIGN_IN_PATH,
                        Map.of("request", "unknown", "persona", "verified")));
    }

    @Test
    void the_authorize_error_page_and_the_not_found_page() {
        assertFitsNarrowScreens(
                "authorize error",
                Http.get(AuthorizeParams.validFor("urn:gov:gsa:openidconnect.profiles:sp:sso:unknown:client")
                        .url(simulator)));
        assertFitsNarrowScreens("not found", Http.get(simulator.issuer() + "no-such-page"));
    }

    @Test
    void the_logout_pages() {
        String cookie = Http.cookie(
                Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL).url(simulator)), SignInSessions.COOKIE);
        simulator.setMode(Mode.INTERACTIVE);
        Map<String, String> logout = new LinkedHashMap<>();
        logout.put("client_id", TestClients.CONFIDENTIAL);
        logout.put("post_logout_redirect_uri", TestClients.LOGOUT_RETURN);
        logout.put("state", "logout-state-" + UUID.randomUUID());
        String logoutUrl = simulator.endpoints().logout() + "?" + Http.encode(logout);
        assertFitsNarrowScreens("logout confirmation", Http.get(logoutUrl, "Cookie", cookie));
        assertFitsNarrowScreens(
                "account", Http.get(simulator.issuer() + SimulatorContext.ACCOUNT_PATH, "Cookie", cookie));
        assertFitsNarrowScreens(
                "expired logout",
                Http.postForm(
                        simulator.issuer() + SimulatorContext.LOGOUT_ANSWER_PATH,
                        Map.of("logout", "unknown", "answer", "yes")));
        logout.put("client_id", "urn:gov:gsa:openidconnect.profiles:sp:sso:unknown:client");
        assertFitsNarrowScreens("logout error", Http.get(simulator.endpoints().logout() + "?" + Http.encode(logout)));
    }
}
