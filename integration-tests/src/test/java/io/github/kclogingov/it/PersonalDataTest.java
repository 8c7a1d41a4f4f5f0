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
import io.github.kclogingov.it.support.KeycloakDatabase;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.Mappers;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Persona;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Personal data from Login.gov: the SSN only when an admin turns it on, kept whole or as its last
 * four, visible to admins only (not in tokens, not in the account API), no personal data in the
 * server log or in event details, and nothing of Login.gov's answer outliving the sign-in in
 * Keycloak's database: after sign-ins at a verified level with every attribute and the SSN
 * released (its mapper keeping four digits), the persisted user sessions hold no Login.gov token,
 * and neither they nor the user hold the full SSN; the broker token endpoint hands none out.
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
        for (String personal : Attributes.personalValues(piv)) {
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

    @Test
    void the_database_holds_no_login_gov_token_and_no_full_ssn() throws Exception {
        Persona piv = persona("piv-cac");
        realm.updateIdentityProvider(Map.of("logingovAttributes", Attributes.ALL_BUT_SSN + "##social_security_number"));
        mappers.addMapper(
                "ssn",
                "logingov-ssn-mapper",
                Map.of("user.attribute", "logingov_ssn", "keep", "last-four", "syncMode", "FORCE"));
        int tokenRequestsBefore = simulator.recorder().tokenRequests().size();

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));

        assertEquals(2, simulator.recorder().tokenRequests().size() - tokenRequestsBefore, "two sign-ins at Login.gov");
        UserRepresentation user = users.onlyUser();
        assertEquals(
                List.of(piv.socialSecurityNumber().substring(5)),
                user.getAttributes().get("logingov_ssn"));
        assertFalse(
                user.getAttributes().toString().contains(piv.socialSecurityNumber()),
                () -> "a user attribute holds the full SSN: "
                        + user.getAttributes().keySet());

        List<UserSessionRepresentation> sessions =
                realm.resource().users().get(user.getId()).getUserSessions();
        assertEquals(2, sessions.size(), "one persisted user session per sign-in");
        KeycloakDatabase.contentOnceItHolds(sessions.get(0).getId(), Duration.ofSeconds(30));
        String database = KeycloakDatabase.contentOnceItHolds(sessions.get(1).getId(), Duration.ofSeconds(30));
        // Positive control: what Keycloak does keep (the user's last four, the federated identity) is readable here.
        assertContains(database, user.getId(), "the user's row");
        for (String kept : List.of("FEDERATED_ID_TOKEN", "FEDERATED_ACCESS_TOKEN", "FEDERATED_TOKEN_EXPIRATION")) {
            assertFalse(database.contains(kept), () -> "a user session keeps Login.gov's token: " + kept);
        }
        assertFalse(database.contains(piv.socialSecurityNumber()), "the database holds the full SSN");
        List<String> issued = simulator.recorder().issuedTokens();
        assertEquals(4, issued.size(), "two access tokens and two id_tokens issued");
        String log = ServerLog.content();
        for (String token : issued) {
            // The whole token, and its payload alone (the part holding the claims of an id_token).
            String payload = token.contains(".") ? token.split("\\.")[1] : token;
            assertFalse(database.contains(payload), "the database holds a token Login.gov issued");
            assertFalse(log.contains(payload), "the server log holds a token Login.gov issued");
        }
    }

    @Test
    void neither_the_broker_token_endpoint_nor_token_exchange_hands_out_a_login_gov_token() throws Exception {
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());
        // Even a user whose application may read stored broker tokens gets none.
        UserRepresentation user = users.onlyUser();
        ClientRepresentation broker =
                realm.resource().clients().findByClientId("broker").get(0);
        RoleRepresentation readToken = realm.resource()
                .clients()
                .get(broker.getId())
                .roles()
                .get("read-token")
                .toRepresentation();
        realm.resource()
                .users()
                .get(user.getId())
                .roles()
                .clientLevel(broker.getId())
                .add(List.of(readToken));
        String accessToken = flow.exchangeCode(
                        flow.authorize(Map.of()).locationQuery().get("code"))
                .get("access_token")
                .asText();

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        realm.brokerEndpoint(BrokerRealm.ALIAS).replace("/endpoint", "/token")))
                                .header("Authorization", "Bearer " + accessToken)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(400, answer.statusCode(), answer::body);
        HttpResponse<String> exchange = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(realm.realmUrl() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(HttpBrowser.form(Map.of(
                                        "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                                        "client_id", BrokerRealm.APP_CLIENT_ID,
                                        "client_secret", BrokerRealm.APP_SECRET,
                                        "subject_token", accessToken,
                                        "requested_issuer", BrokerRealm.ALIAS))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, exchange.statusCode(), exchange::body);
        for (String token : simulator.recorder().issuedTokens()) {
            String header = token.split("\\.")[0];
            assertFalse(answer.body().contains(header), "the broker token endpoint handed out a Login.gov token");
            assertFalse(exchange.body().contains(header), "token exchange handed out a Login.gov token");
        }
    }

    private static void assertContains(String database, String expected, String what) {
        if (!database.contains(expected)) {
            throw new AssertionError("Keycloak's database files do not show " + what + " (" + expected + ")");
        }
    }
}
