package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.simulator.Persona;
import org.junit.jupiter.api.Test;

class DemoLauncherTest {

    @Test
    void the_banner_says_where_to_click_how_to_administer_and_how_to_stop() {
        String banner = DemoLauncher.banner(Persona.defaults());
        for (String expected : new String[] {
            "http://localhost:8080/realms/demo/account",
            "\"Sign in with Login.gov\"",
            "http://localhost:8080/admin/",
            "(admin / admin)",
            "http://localhost:8081/",
            "auth-only",
            "verified",
            "acr_values=verified",
            "Ctrl-C stops everything."
        }) {
            assertTrue(banner.contains(expected), () -> "missing " + expected + " in\n" + banner);
        }
    }

    @Test
    void the_broker_endpoint_registered_at_the_simulator_is_the_realm_s() {
        assertEquals("http://localhost:8080/realms/demo/broker/logingov/endpoint", DemoLauncher.BROKER_ENDPOINT);
    }
}
