package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.FraudReportApi;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Fraud reports from Keycloak to Login.gov, end to end: the admin REST API, the token the broker
 * signs, the simulator's security events endpoint (which checks it as identity-idp does), and the
 * report's state.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class FraudReportTest extends BrokerIntegrationTest {

    FraudReportApi api;
    String userId;

    @BeforeEach
    void linkedPerson() {
        realm = realmOfThisClass("fraud", Registration.VERIFIED);
        realm.reset("verified");
        new SignInFlow(realm).signInClaims(Map.of());
        userId = realm.resource().users().list().get(0).getId();
        api = new FraudReportApi(admin, urls.getBase(), realm.name());
    }

    @Test
    void a_linked_user_is_reported_and_the_report_has_a_state() {
        FraudReportApi.Answer answer = api.report(userId, "identity-fraud-detected", "");
        assertEquals(201, answer.status(), answer.toString());
        assertEquals("logingov", answer.body().path("alias").asText());
        assertEquals(32, answer.body().path("jti").asText().length());
        assertFalse(answer.state().isEmpty(), answer.toString());
        assertEquals(answer.body().path("id"), api.ofUser(userId).body().path(0).path("id"));
    }

    @Test
    void a_user_without_a_login_gov_link_is_refused_with_a_clear_message() {
        UserRepresentation local = new UserRepresentation();
        local.setUsername("local-only");
        local.setEnabled(true);
        realm.resource().users().create(local).close();
        String localId = realm.resource().users().search("local-only").get(0).getId();

        FraudReportApi.Answer answer = api.report(localId, "authorization-fraud-detected", "");
        assertEquals(409, answer.status(), answer.toString());
        assertEquals("no_login_gov_link", answer.body().path("error").asText());
        assertTrue(answer.body().path("errorMessage").asText().contains("not linked to a Login.gov account"));
        assertTrue(api.ofUser(localId).body().isEmpty());
    }
}
