package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.mappers.AdvancedClaimToGroupMapper;
import org.keycloak.broker.oidc.mappers.ClaimToRoleMapper;
import org.keycloak.broker.oidc.mappers.UserAttributeMapper;
import org.keycloak.broker.oidc.mappers.UsernameTemplateMapper;
import org.keycloak.broker.provider.HardcodedRoleMapper;

/** Tests which mapper types the admin console offers for a Login.gov provider. */
class OfferedMappersTest {

    @Test
    void login_gov_mappers_are_offered() {
        assertTrue(OfferedMappers.includes(new LoginGovAttributeMapper()));
        assertTrue(OfferedMappers.includes(new LoginGovAddressMapper()));
        assertTrue(OfferedMappers.includes(new LoginGovSsnMapper()));
    }

    @Test
    void keycloaks_openid_connect_and_any_provider_mappers_are_offered() {
        assertTrue(OfferedMappers.includes(new UserAttributeMapper()));
        assertTrue(OfferedMappers.includes(new ClaimToRoleMapper()));
        assertTrue(OfferedMappers.includes(new AdvancedClaimToGroupMapper()));
        assertTrue(OfferedMappers.includes(new UsernameTemplateMapper()));
        assertTrue(OfferedMappers.includes(new HardcodedRoleMapper()));
    }

    @Test
    void saml_mappers_are_not_offered() {
        assertFalse(OfferedMappers.includes(new org.keycloak.broker.saml.mappers.UserAttributeMapper()));
    }
}
