package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegistrationTest {

    @Test
    void an_auth_only_registration_permits_only_auth_only() {
        assertTrue(Registration.AUTH_ONLY.permits(IdentityAssurance.AUTH_ONLY));
        assertFalse(Registration.AUTH_ONLY.permits(IdentityAssurance.IALMAX));
        assertFalse(Registration.AUTH_ONLY.permits(IdentityAssurance.VERIFIED));
        assertFalse(Registration.AUTH_ONLY.permits(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED));
        assertFalse(Registration.AUTH_ONLY.permits(IdentityAssurance.VERIFIED_FACIAL_MATCH_PREFERRED));
    }

    @Test
    void a_verified_registration_permits_every_level() {
        for (IdentityAssurance level : IdentityAssurance.values()) {
            assertTrue(Registration.VERIFIED.permits(level), level.name());
        }
    }

    @Test
    void config_values_are_read_leniently_and_round_trip() {
        assertEquals(Registration.VERIFIED, Registration.fromConfigValue(" Verified "));
        for (Registration registration : Registration.values()) {
            assertEquals(registration, Registration.fromConfigValue(registration.configValue()));
        }
    }

    @Test
    void an_unknown_config_value_is_refused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Registration.fromConfigValue("ial2"));
        assertTrue(e.getMessage().contains("\"ial2\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Registration.fromConfigValue(null));
    }
}
