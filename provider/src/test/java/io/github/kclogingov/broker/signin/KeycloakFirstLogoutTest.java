package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakFirstLogoutTest {

    @Test
    void the_redirect_to_the_application_is_kept_as_its_address() {
        Response finished = Response.status(302)
                .location(URI.create("http://localhost:8082/?state=app-state"))
                .build();

        Map<String, String> kept = KeycloakFirstLogout.keepable(finished).orElseThrow();

        assertEquals(Map.of(KeycloakFirstLogout.LOCATION, "http://localhost:8082/?state=app-state"), kept);
    }

    @Test
    void keycloaks_logged_out_page_is_kept_as_its_text() {
        Response finished = Response.ok(
                        "<html>You are logged out</html>", MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();

        Map<String, String> kept = KeycloakFirstLogout.keepable(finished).orElseThrow();

        assertEquals("<html>You are logged out</html>", kept.get(KeycloakFirstLogout.PAGE));
        assertTrue(kept.get(KeycloakFirstLogout.MEDIA_TYPE).startsWith("text/html"));
    }

    @Test
    void anything_else_is_not_kept_and_is_answered_at_once() {
        assertTrue(KeycloakFirstLogout.keepable(Response.status(400).build()).isEmpty());
        assertTrue(KeycloakFirstLogout.keepable(
                        Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build())
                .isEmpty());
        assertTrue(KeycloakFirstLogout.keepable(
                        Response.ok("x".repeat(KeycloakFirstLogout.MAX_PAGE_CHARS + 1), MediaType.TEXT_HTML_TYPE)
                                .build())
                .isEmpty());
        assertTrue(KeycloakFirstLogout.keepable(Response.status(302).build()).isEmpty(), "a redirect to nowhere");
    }
}
