package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationUrlTest {
    static final AppSettings SETTINGS = new AppSettings(
            URI.create("http://localhost:8082/"),
            "http://localhost:8080/realms/demo",
            "demo-app",
            List.of("auth-only", "verified"));

    @Test
    void asks_the_realm_for_a_code_with_pkce_s256_state_and_nonce() {
        PendingSignIn signIn = PendingSignIn.start(null, Instant.now());
        String url = AuthorizationUrl.of(SETTINGS, signIn);
        assertTrue(url.startsWith("http://localhost:8080/realms/demo/protocol/openid-connect/auth?"), url);
        Map<String, String> parameters = QueryString.parse(URI.create(url).getRawQuery());
        assertEquals("demo-app", parameters.get("client_id"));
        assertEquals("code", parameters.get("response_type"));
        assertEquals("http://localhost:8082/callback", parameters.get("redirect_uri"));
        assertEquals("S256", parameters.get("code_challenge_method"));
        assertEquals(signIn.codeChallenge(), parameters.get("code_challenge"));
        assertEquals(signIn.state(), parameters.get("state"));
        assertEquals(signIn.nonce(), parameters.get("nonce"));
        assertTrue(parameters.get("scope").contains("openid"));
        assertFalse(parameters.containsKey("acr_values"), "no level named: the client's default");
        assertFalse(parameters.containsKey("prompt"), "Login.gov cannot be asked for prompt=login");
    }

    @Test
    void a_step_up_names_the_level() {
        String url = AuthorizationUrl.of(SETTINGS, PendingSignIn.start("verified", Instant.now()));
        assertEquals(
                "verified", QueryString.parse(URI.create(url).getRawQuery()).get("acr_values"));
    }
}
