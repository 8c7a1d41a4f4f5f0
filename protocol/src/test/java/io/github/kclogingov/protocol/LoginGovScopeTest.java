package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoginGovScopeTest {

    @Test
    void verified_claims_are_released_only_at_a_verified_level() {
        assertFalse(LoginGovScope.PROFILE_NAME.releases(LoginGovClaims.GIVEN_NAME, IdentityAssurance.AUTH_ONLY));
        assertTrue(LoginGovScope.PROFILE_NAME.releases(LoginGovClaims.GIVEN_NAME, IdentityAssurance.VERIFIED));
        assertTrue(LoginGovScope.SOCIAL_SECURITY_NUMBER.releases(
                LoginGovClaims.SOCIAL_SECURITY_NUMBER, IdentityAssurance.IALMAX));
    }

    @Test
    void verified_at_is_released_to_everyone_even_through_profile() {
        assertTrue(LoginGovScope.PROFILE.releases(LoginGovClaims.VERIFIED_AT, IdentityAssurance.AUTH_ONLY));
        assertTrue(LoginGovScope.PROFILE_VERIFIED_AT.releases(LoginGovClaims.VERIFIED_AT, IdentityAssurance.AUTH_ONLY));
    }

    @Test
    void email_is_released_at_any_level() {
        assertTrue(LoginGovScope.EMAIL.releases(LoginGovClaims.EMAIL, IdentityAssurance.AUTH_ONLY));
        assertFalse(LoginGovScope.EMAIL.releases(LoginGovClaims.ADDRESS, IdentityAssurance.VERIFIED));
    }

    @Test
    void parsing_keeps_known_scopes_in_order() {
        assertEquals(
                List.of(LoginGovScope.OPENID, LoginGovScope.EMAIL, LoginGovScope.X509_SUBJECT),
                List.copyOf(LoginGovScope.parse("openid  unknown email x509:subject email")));
    }

    @Test
    void auth_only_drops_verified_only_scopes() {
        assertEquals(
                "openid email x509:subject",
                LoginGovScope.requestedAt(
                        "openid profile:name email address phone social_security_number profile:birthdate x509:subject",
                        IdentityAssurance.AUTH_ONLY));
    }

    @Test
    void auth_only_turns_profile_into_verified_at() {
        assertEquals(
                "openid profile:verified_at email",
                LoginGovScope.requestedAt("openid profile email", IdentityAssurance.AUTH_ONLY));
    }

    @Test
    void auth_only_sends_verified_at_once_when_profile_is_also_configured() {
        assertEquals(
                "openid profile:verified_at",
                LoginGovScope.requestedAt("openid profile profile:verified_at", IdentityAssurance.AUTH_ONLY));
        assertEquals(
                "openid profile:verified_at",
                LoginGovScope.requestedAt("openid profile:verified_at profile", IdentityAssurance.AUTH_ONLY));
    }

    @Test
    void verified_and_ialmax_keep_every_scope_in_order() {
        String configured = "openid profile address email phone social_security_number profile:name profile:birthdate";
        assertEquals(configured, LoginGovScope.requestedAt(configured, IdentityAssurance.VERIFIED));
        assertEquals(configured, LoginGovScope.requestedAt(configured, IdentityAssurance.IALMAX));
        assertEquals(
                configured, LoginGovScope.requestedAt(configured, IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED));
    }

    @Test
    void unknown_scopes_are_passed_through_at_any_level() {
        assertEquals(
                "openid custom:scope", LoginGovScope.requestedAt("openid custom:scope", IdentityAssurance.AUTH_ONLY));
    }

    @Test
    void extra_whitespace_and_nothing_are_tolerated() {
        assertEquals(
                "openid email",
                LoginGovScope.requestedAt("  openid \t\n email  address ", IdentityAssurance.AUTH_ONLY));
        assertEquals("", LoginGovScope.requestedAt("   ", IdentityAssurance.AUTH_ONLY));
        assertEquals("", LoginGovScope.requestedAt(null, IdentityAssurance.VERIFIED));
    }
}
