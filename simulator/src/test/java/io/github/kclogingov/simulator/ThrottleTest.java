package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-IP throttle as identity-idp's {@code config/initializers/rack_attack.rb} sets it up
 * ({@code req/ip}): every path counts, fixed windows, 429 with its HTML page and no Retry-After.
 */
class ThrottleTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private HttpResponse<String> discovery() {
        return Http.get(simulator.endpoints().discovery());
    }

    @Test
    void the_default_is_login_gov_s_public_one_300_requests_per_300_seconds() {
        ThrottleSettings defaults = SimulatorConfig.builder().build().throttle();
        assertTrue(defaults.enabled());
        assertEquals(300, defaults.limit());
        assertEquals(Duration.ofSeconds(300), defaults.period());
    }

    @Test
    void over_the_limit_every_path_answers_429_html_without_retry_after() {
        simulator.throttle().enable(3, Duration.ofSeconds(60));
        long throttledBefore = simulator.throttle().throttledRequests(); // other tests' count too
        for (int i = 0; i < 3; i++) {
            assertEquals(200, discovery().statusCode());
        }
        HttpResponse<String> throttled = discovery();
        assertEquals(429, throttled.statusCode());
        assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(throttled.headers().firstValue("Retry-After").isEmpty(), "identity-idp sends none");
        assertTrue(throttled.body().contains("Too many requests"), throttled.body());
        // A JSON API gets the same HTML answer, and so does a page that does not exist.
        HttpResponse<String> token = Flows.token(simulator, Map.of("grant_type", "authorization_code"));
        assertEquals(429, token.statusCode());
        assertTrue(token.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(429, Http.get(simulator.issuer() + "no-such-page").statusCode());
        assertEquals(3, simulator.throttle().throttledRequests() - throttledBefore);
    }

    @Test
    void a_new_window_starts_from_zero() {
        simulator.throttle().enable(2, Duration.ofSeconds(60));
        discovery();
        discovery();
        assertEquals(429, discovery().statusCode());
        SharedSimulator.CLOCK.advance(Duration.ofSeconds(60));
        assertEquals(200, discovery().statusCode());
    }

    @Test
    void the_admin_api_is_never_throttled_so_a_test_can_always_switch_it_off() {
        simulator.throttle().enable(1, Duration.ofSeconds(60));
        discovery();
        assertEquals(429, discovery().statusCode());
        HttpResponse<String> off =
                Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH, Map.of("throttle", "false"));
        assertEquals(204, off.statusCode(), off::body);
        assertFalse(simulator.throttle().settings().enabled());
        assertEquals(200, discovery().statusCode());
    }

    @Test
    void the_admin_api_sets_limit_and_period_and_resets_the_counts() {
        HttpResponse<String> on = Http.postForm(
                simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH,
                Map.of("throttle", "true", "throttleLimit", "2", "throttlePeriodSeconds", "30"));
        assertEquals(204, on.statusCode(), on::body);
        assertEquals(
                ThrottleSettings.of(2, Duration.ofSeconds(30)),
                simulator.throttle().settings());
        discovery();
        discovery();
        assertEquals(429, discovery().statusCode());
        Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH, Map.of("throttleReset", "true"));
        assertEquals(200, discovery().statusCode());
    }

    @Test
    void switched_off_nothing_is_counted() {
        simulator.throttle().enable(1, Duration.ofSeconds(60));
        simulator.throttle().disable();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, discovery().statusCode());
        }
    }

    @Test
    void settings_are_checked() {
        assertThrows(IllegalArgumentException.class, () -> ThrottleSettings.of(0, Duration.ofSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> ThrottleSettings.of(5, Duration.ZERO));
        HttpResponse<String> bad = Http.postForm(
                simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH, Map.of("throttleLimit", "zero"));
        assertEquals(400, bad.statusCode());
        assertFalse(simulator.throttle().settings().enabled(), "a 400 changes nothing");
    }
}
