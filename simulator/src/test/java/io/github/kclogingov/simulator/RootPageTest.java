package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RootPageTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @Test
    void the_issuer_url_is_a_page_that_says_what_the_simulator_is() {
        HttpResponse<String> page = Http.get(simulator.issuer());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("no real accounts and no real data"), page.body());
        assertTrue(page.body().contains("simulator/README.md"), "points to the admin API's documentation");
    }

    @Test
    void links_the_discovery_document_and_the_jwks() {
        String body = Http.get(simulator.issuer()).body();
        String discovery = simulator.endpoints().discovery();
        String jwks = simulator.endpoints().jwks();
        assertTrue(body.contains("<a href=\"" + discovery + "\">" + discovery + "</a>"), body);
        assertTrue(body.contains("<a href=\"" + jwks + "\">" + jwks + "</a>"), body);
    }

    @Test
    void lists_every_persona_with_its_proofing_and_levels_in_words() {
        String body = Http.get(simulator.issuer()).body();
        for (Persona persona : simulator.personas()) {
            assertTrue(body.contains(persona.displayName()), persona.id());
            assertTrue(body.contains(HtmlPage.escape(persona.description())), persona.id());
        }
        assertTrue(body.contains("Can sign in at: Authentication only</li>"), "Casey reaches auth-only only");
        assertTrue(
                body.contains("Can sign in at: Authentication only, Identity verified, "
                        + "Identity verified with facial match</li>"),
                "Riley reaches every level");
        assertTrue(body.contains("Signs in with a PIV/CAC card"), "Morgan's PIV/CAC");
    }

    @Test
    void an_issuer_with_a_path_has_its_page_there_and_nothing_at_the_host_root() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String issuer = "http://localhost:" + port + "/login-gov/";
        SimulatorConfig config = SimulatorConfig.builder()
                .serviceProviders(TestClients.all())
                .issuer(issuer)
                .build();
        try (LoginGovSimulator pathed = LoginGovSimulator.start(config, port)) {
            HttpResponse<String> page = Http.get(issuer);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(issuer + ".well-known/openid-configuration"), page.body());
            assertEquals(404, Http.get("http://localhost:" + port + "/").statusCode());
            // The browser asks the host, not the issuer's path, for its icon.
            assertEquals(
                    204, Http.get("http://localhost:" + port + "/favicon.ico").statusCode());
        }
    }

    @Test
    void no_word_comes_twice_in_a_row() {
        String body = Http.get(simulator.issuer()).body();
        assertEquals(List.of(), PageWords.doubled(body), () -> PageWords.text(body));
    }

    @Test
    void the_favicon_is_an_empty_answer_not_a_404() {
        String issuer = simulator.issuer();
        HttpResponse<String> icon = Http.get(issuer + "favicon.ico");
        assertEquals(204, icon.statusCode());
        assertEquals("", icon.body());
        assertTrue(Http.get(issuer).body().contains("<link rel=\"icon\" href=\"data:,\">"));
    }
}
