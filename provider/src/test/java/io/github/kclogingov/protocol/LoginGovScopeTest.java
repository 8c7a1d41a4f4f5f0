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
        assertTrue(LoginGovScope.SOCIAL_SECURITY_NUMBER.releases(LoginGovClaims.SOCIAL_SECURITY_NUMBER, IdentityAssurance.IALMAX));
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
        assertEquals(List.of(LoginGovScope.OPENID, LoginGovScope.EMAIL, LoginGovScope.X509_SUBJECT),
                List.copyOf(LoginGovScope.parse("openid  unknown email x509:subject email")));
    }
}
