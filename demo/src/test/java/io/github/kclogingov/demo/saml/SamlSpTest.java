package io.github.kclogingov.demo.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service provider over HTTP, without a Keycloak: its pages and what it refuses, never with a stack trace. */
class SamlSpTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private SamlSp sp;
    private String base;

    @BeforeEach
    void start() throws Exception {
        // The realm URL points at a closed port: nothing here may need Keycloak to answer.
        sp = SamlSp.start(
                new SamlSpSettings(
                        URI.create("http://localhost:8083/"),
                        "demo-saml-app",
                        "http://127.0.0.1:9/realms/demo",
                        List.of(new SamlLevel("verified", "urn:acr.login.gov:verified"))),
                0);
        base = "http://127.0.0.1:" + sp.port();
    }

    @AfterEach
    void stop() {
        sp.close();
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_signed_out_page_offers_a_sign_in_a_button_per_level_and_an_unmapped_one() throws Exception {
        HttpResponse<String> home =
                http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"sign-in\""));
        assertTrue(home.body().contains("id=\"level-verified\""));
        assertTrue(home.body().contains("id=\"level-unmapped\""));
    }

    @Test
    void a_level_button_sends_the_browser_to_keycloak_with_a_session_cookie() throws Exception {
        HttpResponse<String> answer = post("/sign-in", "level=verified", null);

        assertEquals(303, answer.statusCode());
        assertTrue(answer.headers()
                .firstValue("Location")
                .orElseThrow()
                .startsWith("http://127.0.0.1:9/realms/demo/protocol/saml?SAMLRequest="));
        assertTrue(answer.headers().firstValue("Set-Cookie").orElseThrow().startsWith("demo_saml_session="));
    }

    @Test
    void an_unknown_level_is_a_page_not_a_request() throws Exception {
        HttpResponse<String> answer = post("/sign-in", "level=platinum", null);

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("This application offers no level named platinum."));
    }

    @Test
    void a_response_without_a_sign_in_started_here_is_refused_with_a_page() throws Exception {
        HttpResponse<String> answer = post("/saml/acs", "SAMLResponse=PHg%2B", null);

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("This browser started no sign-in here"));
    }

    @Test
    void when_keycloak_cannot_be_asked_for_its_certificate_the_response_is_refused_with_a_page() throws Exception {
        String cookie = post("/sign-in", "level=verified", null)
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow()
                .split(";")[0];

        HttpResponse<String> answer = post("/saml/acs", "SAMLResponse=PHg%2B", cookie);

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("This application did not accept Keycloak&#39;s response"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }
}
