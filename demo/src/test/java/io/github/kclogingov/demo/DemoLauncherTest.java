package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.demo.app.AppCommandLine;
import io.github.kclogingov.demo.app.AppUsageException;
import io.github.kclogingov.simulator.LogoutConfirmation;
import io.github.kclogingov.simulator.Persona;
import io.github.kclogingov.simulator.SelfSignedKey;
import io.github.kclogingov.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoLauncherTest {

    @Test
    void the_banner_says_where_to_click_how_to_administer_and_how_to_stop() {
        String banner = DemoLauncher.banner(Persona.defaults());
        for (String expected : new String[] {
            "1. Open            http://localhost:8082/",
            "\"Sign in\"",
            "http://localhost:8080/realms/demo/account",
            "\"Sign in with Login.gov\"",
            "http://localhost:8080/admin/",
            "(admin / admin)",
            "http://localhost:8081/",
            "http://localhost:9000/metrics",
            "SAML application   http://localhost:8083/",
            "AuthnContextClassRef",
            "auth-only",
            "verified",
            "acr_values",
            "Sign out",
            "Ctrl-C stops everything."
        }) {
            assertTrue(banner.contains(expected), () -> "missing " + expected + " in\n" + banner);
        }
    }

    @Test
    void the_banner_no_longer_prints_a_hand_made_authorization_request() {
        // It ended on Keycloak's "Invalid parameter: redirect_uri"; step-up is the application's buttons now.
        assertFalse(DemoLauncher.banner(Persona.defaults()).contains("/protocol/openid-connect/auth"));
    }

    @Test
    void the_broker_endpoint_registered_at_the_simulator_is_the_realm_s() {
        assertEquals("http://localhost:8080/realms/demo/broker/logingov/endpoint", DemoLauncher.BROKER_ENDPOINT);
    }

    @Test
    void the_launcher_s_simulator_has_no_throttle_and_otherwise_login_gov_s_behaviour() {
        SimulatorConfig config = DemoLauncher.simulatorConfig(SelfSignedKey.generate("CN=demo-test"));
        assertFalse(config.throttle().enabled(), "a person clicking through the demo never meets HTTP 429");
        assertEquals(LogoutConfirmation.WHEN_SIGNED_IN, config.logoutConfirmation());
        assertEquals(Duration.ofSeconds(900), config.sessionTimeout());
    }

    @Test
    void the_standalone_application_s_defaults_are_the_launcher_s() throws AppUsageException {
        AppCommandLine defaults = AppCommandLine.parse(List.of(), Map.of());
        assertEquals(URI.create(DemoLauncher.APP_URL), defaults.appUrl());
        assertEquals(DemoLauncher.KEYCLOAK_URL + "/realms/" + DemoLauncher.REALM, defaults.issuer());
        assertEquals(DemoLauncher.APP_CLIENT_ID, defaults.clientId());
        assertEquals(DemoLauncher.APP_PORT, defaults.port());
    }
}
