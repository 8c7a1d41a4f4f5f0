package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.Attributes;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.Mappers;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Personal data from Login.gov: the SSN only when an admin turns it on, kept whole or as its last
 * four, visible to admins only (not in tokens, not in the account API), and no personal data in
 * the server log or in event details.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class PersonalDataTest extends BrokerIntegrationTest {

    Users users;
    Mappers mappers;

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("personal-data", Registration.VERIFIED);
        // Every other attribute too, with token mappers, so that the SSN is the one thing held back.
        Attributes.reset(realm);
        realm.reset("piv-cac");
        users = new Users(realm);
        mappers = new Mappers(realm);
    }

    @AfterEach
    void removeAddedMappers() {
        mappers.removeAdded();
    }

    @Test
    void the_ssn_is_admin_only_kept_whole_or_as_its_last_four_and_never_logged() throws Exception {
        Persona piv = persona("piv-cac");
        realm.updateIdentityProvider(Map.of("logingovAttributes", Attributes.ALL_BUT_SSN + "##social_security_number"));
        String mapperId = mappers.addMapper(
                "ssn",
                "logingov-ssn-mapper",
                Map.of("user.attribute", "logingov_ssn", "keep", "full", "syncMode", "FORCE"));
        int logStart = ServerLog.content().length();

        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page end = flow.signIn(Map.of("acr_values", "verified"));
        JsonNode tokens = flow.exchangeCode(end.locationQuery().get("code"));

        assertTrue(
                simulator.recorder().authorizations().get(0).parameter("scope").contains("social_security_number"));
        UserRepresentation user = users.onlyUser();
        assertEquals(List.of(piv.socialSecurityNumber()), user.getAttributes().get("logingov_ssn"), "admins see it");
        for (String token : List.of("id_token", "access_token")) {
            assertFalse(
                    SignInFlow.claims(tokens.get(token).asText()).toString().contains(piv.socialSecurityNumber()),
                    () -> "the SSN must not be in the " + token);
        }
        JsonNode account = flow.accountApi(tokens.get("access_token").asText());
        assertFalse(
                account.toString().contains(piv.socialSecurityNumber()), () -> "the account API shows it: " + account);
        assertFalse(account.path("attributes").has("logingov_ssn"));
        assertTrue(
                account.path("attributes").has("birthdate"),
                () -> "the account API works and shows the user's own data: " + account);

        String log = ServerLog.content().substring(logStart);
        String events = realm.resource().getEvents().stream()
                .map(e -> e.getType() + " " + e.getDetails())
                .toList()
                .toString();
        assertTrue(events.contains("IDENTITY_PROVIDER_FIRST_LOGIN") || events.contains("LOGIN"), events);
        assertTrue(
                log.contains("DEBUG"), "the server runs with the broker's DEBUG categories on (LoginGovServerConfig)");
        for (String personal : List.of(
                piv.socialSecurityNumber(),
                piv.birthdate().toString(),
                piv.address().streetAddress(),
                piv.phone(),
                piv.givenName(),
                piv.familyName())) {
            assertFalse(log.contains(personal), () -> "the server log holds personal data: " + personal);
            assertFalse(events.contains(personal), () -> "an event detail holds personal data: " + personal);
        }

        IdentityProviderMapperRepresentation lastFour =
                realm.resource().identityProviders().get(BrokerRealm.ALIAS).getMapperById(mapperId);
        lastFour.getConfig().put("keep", "last-four");
        realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(mapperId, lastFour);
        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        assertEquals(
                List.of(piv.socialSecurityNumber().substring(5)),
                users.onlyUser().getAttributes().get("logingov_ssn"));
    }
}
