package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.MigrationApi;
import io.github.kclogingov.it.support.MigrationApi.Answer;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.it.support.StockLoginGovProvider;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedTokenRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * docs/migration.md, walked as an agency would: people sign in through Keycloak's stock OpenID
 * Connect provider pointed at Login.gov (the simulator), the dry run shows the plan and changes
 * nothing, the key is prepared and its certificate uploaded, the migration runs, and the same
 * people sign in through the Login.gov provider as the same Keycloak users with the same
 * attributes. Each unsafe migration is refused with a JSON reason and changes nothing.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class StockProviderMigrationTest extends BrokerIntegrationTest {

    private final SimulatorAdmin portal = SimulatorAdmin.shared();
    private MigrationApi api;

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("migration", Registration.VERIFIED);
        realm.reset("verified");
        api = new MigrationApi(admin, urls.getBase(), realm.name());
    }

    /** Replaces the shipped Login.gov provider by the agency's stock one under the same alias, as before this extension. */
    private void stockProviderInPlaceOfTheShippedOne() {
        if (realm.resource().identityProviders().findAll().stream()
                .anyMatch(p -> p.getAlias().equals(BrokerRealm.ALIAS))) {
            realm.resource().identityProviders().get(BrokerRealm.ALIAS).remove();
        }
        StockLoginGovProvider.create(
                realm,
                StockLoginGovProvider.representation(BrokerRealm.ALIAS, simulator.issuer(), realm.loginGovClientId()));
        StockLoginGovProvider.addImporter(realm, BrokerRealm.ALIAS, "email", "email");
        StockLoginGovProvider.addImporter(realm, BrokerRealm.ALIAS, "given_name", "firstName");
        StockLoginGovProvider.addImporter(realm, BrokerRealm.ALIAS, "family_name", "lastName");
        StockLoginGovProvider.addImporter(realm, BrokerRealm.ALIAS, "phone", "phoneNumber");
        StockLoginGovProvider.addImporter(realm, BrokerRealm.ALIAS, "address.street_address", "street");
        StockLoginGovProvider.addImporter(realm, BrokerRealm.ALIAS, "address.postal_code", "postal_code");
        StockLoginGovProvider.addMapper(
                realm,
                BrokerRealm.ALIAS,
                "agency role",
                "oidc-hardcoded-role-idp-mapper",
                Map.of("role", "offline_access"));
        // The stock provider signs its client assertions with the realm's active key.
        portal.addCertificate(realm.loginGovClientId(), StockLoginGovProvider.activeKeyCertificatePem(realm));
    }

    /** A sign-in as {@code persona} in a new browser; answers the Keycloak user it reached. */
    private UserRepresentation signInAs(String persona) {
        simulator.setAutoPersona(persona);
        JsonNode claims = new SignInFlow(realm).signInClaims(Map.of());
        return realm.resource().users().get(claims.get("sub").asText()).toRepresentation();
    }

    private static Map<String, String> attributesOf(UserRepresentation user) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("email", user.getEmail());
        attributes.put("firstName", user.getFirstName());
        attributes.put("lastName", user.getLastName());
        for (String name : List.of("phoneNumber", "street", "postal_code")) {
            attributes.put(name, user.getAttributes() == null ? null : user.firstAttribute(name));
        }
        return attributes;
    }

    private Map<String, String> linksOf(String userId) {
        return realm.resource().users().get(userId).getFederatedIdentity().stream()
                .collect(Collectors.toMap(
                        FederatedIdentityRepresentation::getIdentityProvider,
                        FederatedIdentityRepresentation::getUserId));
    }

    private Map<String, String> mapperTypes(String alias) {
        return realm.resource().identityProviders().get(alias).getMappers().stream()
                .collect(Collectors.toMap(
                        IdentityProviderMapperRepresentation::getName,
                        IdentityProviderMapperRepresentation::getIdentityProviderMapper));
    }

    @Test
    void people_linked_through_the_stock_provider_sign_in_afterwards_as_the_same_users() {
        stockProviderInPlaceOfTheShippedOne();
        RealmRepresentation events = realm.resource().toRepresentation();
        events.setAdminEventsEnabled(true);
        events.setAdminEventsDetailsEnabled(true);
        realm.resource().update(events);

        UserRepresentation verified = signInAs("verified");
        UserRepresentation pivCac = signInAs("piv-cac");
        Map<String, String> verifiedAttributes = attributesOf(verified);
        assertNotNull(verifiedAttributes.get("firstName"), "the stock importers filled the user");
        assertNotNull(verifiedAttributes.get("street"));
        Map<String, String> verifiedLinks = linksOf(verified.getId());
        assertEquals(List.of(BrokerRealm.ALIAS), List.copyOf(verifiedLinks.keySet()));

        // Dry run, as Login.gov's own hosts only: the simulator is not Login.gov.
        Answer notNamed = api.dryRun(BrokerRealm.ALIAS, "");
        assertEquals(200, notNamed.status(), notNamed.body()::toString);
        assertTrue(notNamed.reasons().stream().anyMatch(r -> r.contains("does not point at Login.gov")));

        // Dry run naming the simulator: the plan, with the key still to prepare.
        String custom = MigrationApi.customIssuer(simulator.issuer());
        Answer plan = api.dryRun(BrokerRealm.ALIAS, custom);
        assertEquals(200, plan.status(), plan.body()::toString);
        assertFalse(plan.body().get("canApply").asBoolean());
        assertEquals(2, plan.body().get("linkedUsers").asLong());
        assertTrue(plan.reasons().get(0).contains("/key"), plan.body()::toString);
        Map<String, String> outcomes = new HashMap<>();
        plan.body()
                .get("mappers")
                .forEach(m ->
                        outcomes.put(m.get("name").asText(), m.get("outcome").asText()));
        assertEquals("CONVERTED", outcomes.get("given_name"));
        assertEquals("CONVERTED", outcomes.get("address.street_address"));
        assertEquals("KEPT", outcomes.get("agency role"));

        // The key: prepared once, its certificate uploaded beside the current one.
        Answer key = api.prepareKey(BrokerRealm.ALIAS);
        assertEquals(201, key.status(), key.body()::toString);
        String kid = key.body().get("kid").asText();
        Answer again = api.prepareKey(BrokerRealm.ALIAS);
        assertEquals(200, again.status());
        assertEquals(kid, again.body().get("kid").asText());
        portal.addCertificate(
                realm.loginGovClientId(), key.body().get("certificatePem").asText());

        Answer ready = api.dryRun(BrokerRealm.ALIAS, custom);
        assertTrue(ready.body().get("canApply").asBoolean(), ready.body()::toString);
        assertEquals("oidc", realm.identityProvider().getProviderId(), "a dry run changes nothing");
        assertEquals(
                "oidc-user-attribute-idp-mapper", mapperTypes(BrokerRealm.ALIAS).get("email"));

        Answer migrated = api.migrate(BrokerRealm.ALIAS, custom);
        assertEquals(200, migrated.status(), migrated.body()::toString);

        IdentityProviderRepresentation after = realm.identityProvider();
        assertEquals("login.gov", after.getProviderId());
        assertEquals(realm.loginGovClientId(), after.getConfig().get("clientId"));
        assertEquals("custom", after.getConfig().get("logingovEnvironment"));
        assertEquals(kid, after.getConfig().get("logingovSigningKeyId"));
        assertEquals(StockLoginGovProvider.ACR_VALUES, after.getConfig().get("logingovIal"));
        Map<String, String> types = mapperTypes(BrokerRealm.ALIAS);
        assertEquals("logingov-attribute-mapper", types.get("given_name"));
        assertEquals("logingov-address-mapper", types.get("address.street_address"));
        assertEquals("oidc-hardcoded-role-idp-mapper", types.get("agency role"));
        String recorded = realm.resource().getAdminEvents().stream()
                .filter(e -> "UPDATE".equals(e.getOperationType())
                        && ("identity-provider/instances/" + BrokerRealm.ALIAS).equals(e.getResourcePath()))
                .map(e -> e.getRepresentation())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no admin event records the migration"));
        // The stock provider wrote Login.gov's tokens into each of the two sign-ins' user sessions.
        assertTrue(recorded.contains("\"sessionsWithTokensRemoved\":2"), recorded);
        assertTrue(recorded.contains("\"linksWithTokensRemoved\":0"), recorded);

        // The same people, through the Login.gov provider now: same users, same attributes.
        simulator.recorder().clear();
        UserRepresentation verifiedAfter = signInAs("verified");
        List<RecordedTokenRequest> calls = simulator.recorder().tokenRequests();
        assertEquals(kid, calls.get(calls.size() - 1).assertionHeader().get("kid"), "signed with the prepared key");
        assertEquals(verified.getId(), verifiedAfter.getId());
        assertEquals(verifiedAttributes, attributesOf(verifiedAfter));
        assertEquals(verifiedLinks, linksOf(verifiedAfter.getId()));
        UserRepresentation pivCacAfter = signInAs("piv-cac");
        assertEquals(pivCac.getId(), pivCacAfter.getId());
        assertEquals(attributesOf(pivCac), attributesOf(pivCacAfter));
        assertEquals(2, realm.resource().users().count());

        Answer twice = api.migrate(BrokerRealm.ALIAS, custom);
        assertEquals(409, twice.status());
        assertTrue(twice.reasons().get(0).contains("Login.gov provider already"), twice.body()::toString);
    }

    @Test
    void a_provider_that_is_not_login_gov_is_refused_and_left_as_it_was() {
        createStock("other-oidc", "https://accounts.example.org/", "agency-app");
        Answer answer = api.migrate("other-oidc", "");
        assertEquals(409, answer.status(), answer.body()::toString);
        assertEquals("migration_refused", answer.body().get("error").asText());
        assertTrue(answer.reasons().stream().anyMatch(r -> r.contains("does not point at Login.gov")));
        assertEquals(
                "oidc",
                realm.resource()
                        .identityProviders()
                        .get("other-oidc")
                        .toRepresentation()
                        .getProviderId());
    }

    @Test
    void a_mapper_without_an_equivalent_stops_the_migration() {
        createStock("with-role-claim", simulator.issuer(), realm.loginGovClientId() + ":role-claim");
        StockLoginGovProvider.addMapper(
                realm,
                "with-role-claim",
                "role from claim",
                "oidc-role-idp-mapper",
                Map.of("claim", "groups", "claim.value", "admins", "role", "offline_access"));
        Answer answer = api.migrate("with-role-claim", MigrationApi.customIssuer(simulator.issuer()));
        assertEquals(409, answer.status(), answer.body()::toString);
        assertTrue(answer.reasons().stream().anyMatch(r -> r.contains("role from claim")), answer.body()::toString);
        assertEquals("oidc-role-idp-mapper", mapperTypes("with-role-claim").get("role from claim"));
        assertEquals(
                "oidc",
                realm.resource()
                        .identityProviders()
                        .get("with-role-claim")
                        .toRepresentation()
                        .getProviderId());
    }

    @Test
    void two_providers_for_the_same_login_gov_client_are_refused_as_ambiguous() {
        String clientId = realm.loginGovClientId() + ":twin";
        createStock("twin-a", simulator.issuer(), clientId);
        createStock("twin-b", simulator.issuer(), clientId);
        Answer answer = api.migrate("twin-a", MigrationApi.customIssuer(simulator.issuer()));
        assertEquals(409, answer.status(), answer.body()::toString);
        assertTrue(answer.reasons().stream().anyMatch(r -> r.contains("twin-b")), answer.body()::toString);
        assertEquals(
                "oidc",
                realm.resource()
                        .identityProviders()
                        .get("twin-a")
                        .toRepresentation()
                        .getProviderId());
    }

    @Test
    void an_unknown_alias_is_a_json_404() {
        for (Answer answer : List.of(api.dryRun("no-such-alias", ""), api.migrate("no-such-alias", ""))) {
            assertEquals(404, answer.status(), answer.body()::toString);
            assertEquals("not_found", answer.body().get("error").asText());
        }
    }

    @Test
    void a_login_gov_provider_is_not_migrated_again() {
        if (realm.resource().identityProviders().findAll().stream()
                .noneMatch(p -> p.getAlias().equals("already"))) {
            realm.resource()
                    .identityProviders()
                    .create(BrokerRealm.newIdentityProvider(
                            "already", Map.of("logingovEnvironment", "custom", "logingovBaseUrl", simulator.issuer())))
                    .close();
        }
        Answer answer = api.migrate("already", "");
        assertEquals(409, answer.status(), answer.body()::toString);
        assertTrue(answer.reasons().get(0).contains("Login.gov provider already"), answer.body()::toString);
        Answer key = api.prepareKey("already");
        assertEquals(409, key.status(), key.body()::toString);
        assertEquals("not_stock_provider", key.body().get("error").asText());
    }

    @Test
    void viewing_identity_providers_allows_the_dry_run_and_only_managing_them_the_rest() {
        createStock("viewed", simulator.issuer(), realm.loginGovClientId() + ":viewed");
        String username = "idp-viewer";
        String password = "idp-viewer-password-1";
        if (realm.resource().users().search(username, true).isEmpty()) {
            String id = new Users(realm).createLocalUser(username, "idp-viewer@agency.example", password);
            UserRepresentation named = realm.resource().users().get(id).toRepresentation();
            named.setFirstName("Idp");
            named.setLastName("Viewer");
            realm.resource().users().get(id).update(named);
            ClientRepresentation management = realm.resource()
                    .clients()
                    .findByClientId("realm-management")
                    .get(0);
            RoleRepresentation view = realm.resource()
                    .clients()
                    .get(management.getId())
                    .roles()
                    .get("view-identity-providers")
                    .toRepresentation();
            realm.resource()
                    .users()
                    .get(id)
                    .roles()
                    .clientLevel(management.getId())
                    .add(List.of(view));
        }
        try (Keycloak viewer = Keycloak.getInstance(urls.getBase(), realm.name(), username, password, "admin-cli")) {
            MigrationApi limited = new MigrationApi(viewer, urls.getBase(), realm.name());
            assertEquals(200, limited.dryRun("viewed", "").status());
            assertEquals(403, limited.prepareKey("viewed").status());
            assertEquals(
                    403,
                    limited.migrate("viewed", MigrationApi.customIssuer(simulator.issuer()))
                            .status());
        }
        assertEquals(
                "oidc",
                realm.resource()
                        .identityProviders()
                        .get("viewed")
                        .toRepresentation()
                        .getProviderId());
    }

    private void createStock(String alias, String issuer, String clientId) {
        if (realm.resource().identityProviders().findAll().stream()
                .noneMatch(p -> p.getAlias().equals(alias))) {
            StockLoginGovProvider.create(realm, StockLoginGovProvider.representation(alias, issuer, clientId));
        }
    }
}
