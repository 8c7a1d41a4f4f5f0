package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Tests that a provider's configuration parses its Login.gov settings once, and again only after they change. */
class LoginGovIdentityProviderConfigSettingsTest {

    @Test
    void unchanged_settings_are_parsed_once() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        LoginGovSettings first = config.settings();
        assertSame(first, config.settings());
    }

    @Test
    void a_change_to_the_stored_map_is_parsed_again() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        LoginGovSettings before = config.settings();
        config.getConfig().put(ConfigKeys.ID_TOKEN_MAX_AGE, "60");
        LoginGovSettings after = config.settings();
        assertNotSame(before, after);
        assertEquals(Duration.ofMinutes(5), before.idTokenMaxAge());
        assertEquals(Duration.ofSeconds(60), after.idTokenMaxAge());
        assertSame(after, config.settings());
    }

    @Test
    void a_change_that_keeps_the_maps_hash_code_is_parsed_again() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        config.getConfig().put(ConfigKeys.SIGNING_KEY_ID, "Aa");
        assertEquals("Aa", config.settings().signingKeyId().orElseThrow());
        // "Aa" and "BB" have the same String hash code, so the map's hash code does not change.
        config.getConfig().put(ConfigKeys.SIGNING_KEY_ID, "BB");
        assertEquals("BB", config.settings().signingKeyId().orElseThrow());
    }

    @Test
    void a_removed_setting_is_parsed_again() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        config.getConfig().put(ConfigKeys.CLIENT_AUTHENTICATION, "pkce");
        assertEquals(ClientAuthentication.PKCE, config.settings().clientAuthentication());
        config.getConfig().remove(ConfigKeys.CLIENT_AUTHENTICATION);
        assertEquals(ClientAuthentication.PRIVATE_KEY_JWT, config.settings().clientAuthentication());
    }

    @Test
    void a_new_map_is_parsed_again() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        LoginGovSettings before = config.settings();
        HashMap<String, String> copy = new HashMap<>(config.getConfig());
        copy.put(ConfigKeys.ENVIRONMENT, "production");
        config.setConfig(copy);
        assertNotSame(before, config.settings());
        assertEquals(LoginGovEnvironment.PRODUCTION, config.settings().environment());
    }

    @Test
    void a_change_that_breaks_the_settings_is_refused_and_its_repair_parsed() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        config.settings();
        config.getConfig().put(ConfigKeys.ID_TOKEN_MAX_AGE, "0");
        String reason =
                assertThrows(InvalidSettingsException.class, config::settings).getMessage();
        assertTrue(reason.contains("positive number of seconds"), reason);
        config.getConfig().put(ConfigKeys.ID_TOKEN_MAX_AGE, "120");
        assertEquals(Duration.ofSeconds(120), config.settings().idTokenMaxAge());
    }
}
