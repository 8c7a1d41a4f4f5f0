package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A provider waits out Login.gov's Retry-After, and only that provider, and only until it passes. */
class LoginGovThrottleTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @AfterEach
    void forget() {
        LoginGovThrottle.clear();
    }

    @Test
    void a_429_holds_the_provider_until_retry_after_passes() {
        LoginGovThrottle.hold("provider-a", LoginGovBusyException.of(Endpoint.TOKEN, "30", NOW), NOW);

        LoginGovThrottle.Hold hold =
                LoginGovThrottle.active("provider-a", NOW.plusSeconds(29)).orElseThrow();
        assertEquals(Endpoint.TOKEN, hold.endpoint());
        assertEquals(NOW.plusSeconds(30), hold.until());
        assertTrue(LoginGovThrottle.active("provider-b", NOW).isEmpty(), "other providers are not held");
        assertTrue(LoginGovThrottle.active("provider-a", NOW.plusSeconds(30)).isEmpty(), "passed");
    }

    @Test
    void the_later_hold_wins() {
        LoginGovThrottle.hold("provider-a", LoginGovBusyException.of(Endpoint.JWKS, "120", NOW), NOW);
        LoginGovThrottle.hold("provider-a", LoginGovBusyException.of(Endpoint.USERINFO, "5", NOW), NOW);

        assertEquals(
                Endpoint.JWKS,
                LoginGovThrottle.active("provider-a", NOW.plusSeconds(60))
                        .orElseThrow()
                        .endpoint());
    }
}
