package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.Attributes;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.Mappers;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Persona;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Login.gov's attributes reaching Keycloak: each reaches the user through the shipped mappers and
 * a downstream token through a protocol mapper, IAL2 attributes only at a verified level and kept
 * through a later auth-only sign-in; a new provider's default mappers, Keycloak's stock OIDC
 * mappers, and a warning for an attribute the user profile does not declare.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AttributeMappingTest extends BrokerIntegrationTest {

    Users users;
    Mappers mappers;

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("attribute-mapping", Registration.VERIFIED);
        Attributes.reset(realm);
        // The PIV/CAC persona is verified and has every attribute, x509 ones included.
        realm.reset("piv-cac");
        users = new Users(realm);
        mappers = new Mappers(realm);
    }

    @AfterEach
    void removeAddedMappers() {
        mappers.removeAdded();
    }

    @Test
    void every_attribute_reaches_the_user_and_a_downstream_token_at_a_verified_level() {
        Persona piv = persona("piv-cac");

        JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));

        UserRepresentation user = users.onlyUser();
        assertEquals(piv.email(), user.getEmail());
        assertEquals(piv.givenName(), user.getFirstName());
        assertEquals(piv.familyName(), user.getLastName());
        Map<String, List<String>> attributes = user.getAttributes();
        assertEquals(piv.allEmails(), attributes.get("logingov_all_emails"));
        assertEquals(List.of(piv.locale()), attributes.get("logingov_locale"));
        assertEquals(List.of(piv.birthdate().toString()), attributes.get("birthdate"));
        assertEquals(List.of(piv.address().streetAddress()), attributes.get("street"));
        assertEquals(List.of(piv.address().locality()), attributes.get("locality"));
        assertEquals(List.of(piv.address().region()), attributes.get("region"));
        assertEquals(List.of(piv.address().postalCode()), attributes.get("postal_code"));
        assertTrue(attributes.get("formatted").get(0).startsWith(piv.address().streetAddress()));
        assertEquals(List.of(piv.phone()), attributes.get("phoneNumber"));
        assertEquals(
                List.of(piv.verifiedAt().toString()), attributes.get("logingov_verified_at"), "an ISO-8601 instant");
        assertEquals(List.of("urn:acr.login.gov:verified"), attributes.get("logingov_ial"));
        assertEquals(List.of(piv.x509Subject()), attributes.get("logingov_x509_subject"));
        assertEquals(List.of(piv.x509Issuer()), attributes.get("logingov_x509_issuer"));
        assertEquals(List.of(String.valueOf(piv.x509Presented())), attributes.get("logingov_x509_presented"));
        assertNull(attributes.get("logingov_ssn"), "the SSN is off unless an admin turns it on");

        for (String attribute : Attributes.TOKEN_ATTRIBUTES) {
            assertTrue(idToken.hasNonNull(attribute), () -> attribute + " missing from the id_token: " + idToken);
        }
        assertEquals(
                piv.allEmails().size(), idToken.get("logingov_all_emails").size(), "multi-valued in the token too");
        assertEquals(
                piv.address().locality(), idToken.get("address").get("locality").asText());
        assertFalse(idToken.has("logingov_ssn"));
    }

    @Test
    void ial2_attributes_are_absent_after_an_auth_only_sign_in() {
        new SignInFlow(realm).signInClaims(Map.of());

        Map<String, List<String>> attributes = users.onlyUser().getAttributes();
        for (String verifiedOnly : List.of("birthdate", "street", "locality", "phoneNumber")) {
            assertNull(attributes.get(verifiedOnly), () -> verifiedOnly + " must not come from an auth-only sign-in");
        }
        assertNull(users.onlyUser().getFirstName());
        assertEquals(persona("piv-cac").allEmails(), attributes.get("logingov_all_emails"));
        assertEquals(List.of("urn:acr.login.gov:auth-only"), attributes.get("logingov_ial"));
    }

    @Test
    void verified_attributes_survive_a_later_auth_only_sign_in() {
        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        new SignInFlow(realm).signInClaims(Map.of());

        Map<String, List<String>> attributes = users.onlyUser().getAttributes();
        assertEquals(
                List.of(persona("piv-cac").birthdate().toString()),
                attributes.get("birthdate"),
                "a claim Login.gov did not release this time is kept, even with the mappers' FORCE sync mode");
        assertEquals(List.of(persona("piv-cac").address().locality()), attributes.get("locality"));
        assertEquals(
                List.of("urn:acr.login.gov:auth-only"), attributes.get("logingov_ial"), "released claims are updated");
    }

    @Test
    void default_mappers_follow_the_alias_of_a_new_provider() {
        for (Registration registration : Registration.values()) {
            String alias = "agency-login-" + registration.configValue();
            try (Response response = realm.resource()
                    .identityProviders()
                    .create(BrokerRealm.newIdentityProvider(
                            alias,
                            Map.of(
                                    "clientId",
                                    "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:" + alias,
                                    "logingovRegistration",
                                    registration.configValue())))) {
                assertEquals(201, response.getStatus());
            }
            try {
                List<IdentityProviderMapperRepresentation> defaults =
                        realm.resource().identityProviders().get(alias).getMappers();
                List<String> targets = defaults.stream()
                        .map(m -> m.getConfig().get("user.attribute"))
                        .sorted()
                        .toList();
                assertEquals(
                        registration == Registration.VERIFIED
                                ? List.of("email", "firstName", "lastName")
                                : List.of("email"),
                        targets,
                        () -> "default mappers for " + alias);
                defaults.forEach(m -> assertEquals(alias, m.getIdentityProviderAlias()));
                defaults.forEach(m -> assertEquals("logingov-attribute-mapper", m.getIdentityProviderMapper()));
            } finally {
                realm.resource().identityProviders().get(alias).remove();
            }
        }
    }

    @Test
    void keycloaks_stock_oidc_mappers_are_offered_and_work() {
        IdentityProviderResource provider = realm.resource().identityProviders().get(BrokerRealm.ALIAS);
        var types = provider.getMapperTypes().keySet();
        for (String stock : List.of(
                "oidc-hardcoded-role-idp-mapper",
                "oidc-role-idp-mapper",
                "oidc-advanced-group-idp-mapper",
                "oidc-username-idp-mapper",
                "oidc-user-attribute-idp-mapper",
                "logingov-attribute-mapper",
                "logingov-address-mapper",
                "logingov-ssn-mapper")) {
            assertTrue(types.contains(stock), () -> stock + " not offered: " + types);
        }
        mappers.createRole("signed-in-with-login-gov");
        mappers.createRole("identity-verified");
        mappers.addMapper(
                "hardcoded role",
                "oidc-hardcoded-role-idp-mapper",
                Map.of("role", "signed-in-with-login-gov", "syncMode", "FORCE"));
        mappers.addMapper(
                "verified role",
                "oidc-role-idp-mapper",
                Map.of(
                        "claim",
                        "ial",
                        "claim.value",
                        "urn:acr.login.gov:verified",
                        "role",
                        "identity-verified",
                        "syncMode",
                        "FORCE"));
        mappers.addMapper(
                "username",
                "oidc-username-idp-mapper",
                Map.of("template", "lg.${CLAIM.given_name}", "syncMode", "INHERIT"));
        mappers.createGroup("piv-card-holders");
        mappers.addMapper(
                "piv group",
                "oidc-advanced-group-idp-mapper",
                Map.of(
                        "claims",
                        "[{\"key\":\"x509_presented\",\"value\":\"true\"}]",
                        "are.claim.values.regex",
                        "false",
                        "group",
                        "/piv-card-holders",
                        "syncMode",
                        "FORCE"));

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));

        UserRepresentation user = users.onlyUser();
        assertEquals("lg.morgan", user.getUsername());
        List<String> roles = realm.resource().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .toList();
        assertTrue(roles.contains("signed-in-with-login-gov"), roles::toString);
        assertTrue(roles.contains("identity-verified"), roles::toString);
        List<String> groups = realm.resource().users().get(user.getId()).groups().stream()
                .map(GroupRepresentation::getName)
                .toList();
        assertEquals(List.of("piv-card-holders"), groups, "advanced claim to group, on x509_presented");
    }

    @Test
    void an_attribute_the_user_profile_does_not_declare_is_warned_about_never_dropped_silently() {
        mappers.addMapper(
                "undeclared",
                "logingov-attribute-mapper",
                Map.of("claim", "locale", "user.attribute", "shoe_size", "syncMode", "FORCE"));
        int logStart = ServerLog.content().length();

        new SignInFlow(realm).signInClaims(Map.of());

        String log = ServerLog.content().substring(logStart);
        assertTrue(
                log.contains("imports user attribute shoe_size")
                        && log.contains("Declare it under Realm settings > User profile"),
                "the server log must say that the realm's user profile does not declare shoe_size");
        assertFalse(log.contains("imports user attribute logingov_locale"), "declared attributes are not warned about");
    }
}
