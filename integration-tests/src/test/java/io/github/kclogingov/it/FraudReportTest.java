package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FraudReportApi;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.FraudEventType;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.ReceivedPartnerEvent;
import io.github.kclogingov.simulator.SelfSignedKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
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

    /**
     * No report of this class is left under way: one delivered later by the sweep would reset the
     * shared simulator's persona in another class's test. Then the personas are as at the start.
     */
    @AfterEach
    void everyReportFinished() {
        for (JsonNode report : api.ofUser(userId).body()) {
            FraudReportApi.Answer finished = api.await(
                    report.path("id").asText(),
                    answer -> !"PENDING".equals(answer.state()) && !"RETRYING".equals(answer.state()),
                    Duration.ofSeconds(40));
            assertFalse(finished.state().equals("RETRYING"), "left under way: " + finished);
        }
        simulator.resetPersonas();
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

    @Test
    void a_disabled_provider_is_refused_and_nothing_is_stored() {
        IdentityProviderRepresentation provider = realm.identityProvider();
        provider.setEnabled(false);
        realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(provider);
        try {
            FraudReportApi.Answer answer = api.report(userId, "authorization-fraud-detected", "");
            assertEquals(409, answer.status(), answer.toString());
            assertEquals("provider_disabled", answer.body().path("error").asText());
            assertTrue(answer.body().path("errorMessage").asText().contains("is disabled"), answer.toString());
            assertTrue(api.ofUser(userId).body().isEmpty());
        } finally {
            provider.setEnabled(true);
            realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(provider);
        }
    }

    @Test
    void bad_requests_say_what_to_fix() {
        FraudReportApi.Answer unknownType = api.report(userId, "account-disabled", "");
        assertEquals(400, unknownType.status(), unknownType.toString());
        assertEquals("invalid_request", unknownType.body().path("error").asText());
        assertTrue(unknownType.body().path("errorMessage").asText().contains("Login.gov accepts no other"));

        FraudReportApi.Answer notJson = api.post("{oops");
        assertEquals(400, notJson.status(), notJson.toString());

        FraudReportApi.Answer unknownUser = api.report("no-such-user", "identity-fraud-detected", "");
        assertEquals(404, unknownUser.status(), unknownUser.toString());
        assertEquals("user_not_found", unknownUser.body().path("error").asText());

        FraudReportApi.Answer otherAlias = api.report(userId, "identity-fraud-detected", "\"alias\":\"elsewhere\"");
        assertEquals(409, otherAlias.status(), otherAlias.toString());
        assertEquals("no_login_gov_link", otherAlias.body().path("error").asText());

        assertEquals(404, api.get("no-such-report").status());
        assertTrue(api.ofUser(userId).body().isEmpty(), "nothing was stored");
    }

    @Test
    void only_an_administrator_who_may_manage_the_user_reports_and_the_report_is_an_admin_event() {
        RealmRepresentation events = realm.resource().toRepresentation();
        events.setAdminEventsEnabled(true);
        events.setAdminEventsDetailsEnabled(true);
        realm.resource().update(events);
        realm.resource().clearAdminEvents();

        String viewer = "users-viewer";
        String password = "users-viewer-password-1";
        String viewerId = new Users(realm).createLocalUser(viewer, "users-viewer@agency.example", password);
        UserRepresentation named = realm.resource().users().get(viewerId).toRepresentation();
        named.setFirstName("Users");
        named.setLastName("Viewer");
        realm.resource().users().get(viewerId).update(named);
        ClientRepresentation management =
                realm.resource().clients().findByClientId("realm-management").get(0);
        RoleRepresentation viewUsers = realm.resource()
                .clients()
                .get(management.getId())
                .roles()
                .get("view-users")
                .toRepresentation();
        realm.resource()
                .users()
                .get(viewerId)
                .roles()
                .clientLevel(management.getId())
                .add(List.of(viewUsers));
        try (Keycloak limited = Keycloak.getInstance(urls.getBase(), realm.name(), viewer, password, "admin-cli")) {
            FraudReportApi viewOnly = new FraudReportApi(limited, urls.getBase(), realm.name());
            assertEquals(
                    403, viewOnly.report(userId, "identity-fraud-detected", "").status());
            assertEquals(200, viewOnly.ofUser(userId).status());
            assertTrue(viewOnly.ofUser(userId).body().isEmpty());
        }

        FraudReportApi.Answer made = api.report(userId, "identity-fraud-detected", "");
        assertEquals(201, made.status(), made.toString());
        String reportId = made.body().path("id").asText();
        AdminEventRepresentation event = realm.resource().getAdminEvents().stream()
                .filter(e -> ("users/" + userId + "/logingov-fraud-reports/" + reportId).equals(e.getResourcePath()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no admin event records the report"));
        assertEquals("ACTION", event.getOperationType());
        assertEquals("USER", event.getResourceType());
        String recorded = event.getRepresentation();
        assertTrue(recorded.contains("\"eventType\":\"identity-fraud-detected\""), recorded);
        assertTrue(recorded.contains("\"alias\":\"logingov\""), recorded);
        String sub = realm.resource()
                .users()
                .get(userId)
                .getFederatedIdentity()
                .get(0)
                .getUserId();
        assertFalse(recorded.contains(sub), "the admin event does not hold the person's sub");
        assertFalse(made.body().toString().contains(sub), "nor does the API's answer");
        assertNotNull(event.getAuthDetails().getUserId(), "the administrator who reported");
    }

    @Test
    void the_disable_rule_reports_once_when_an_admin_disables_a_user_with_a_fraud_reason() {
        FraudReportApi.Answer none = api.ofUser(userId);
        assertTrue(none.body().isEmpty());
        UserResource user = realm.resource().users().get(userId);

        // Off by default: disabling with a reason reports nothing.
        disableWithReason(user, "authorization-fraud-detected");
        assertTrue(api.ofUser(userId).body().isEmpty(), "the rule is off by default");

        UserRepresentation enabled = user.toRepresentation();
        enabled.setEnabled(true);
        enabled.getAttributes().remove("logingov_fraud_reason");
        user.update(enabled);
        realm.updateIdentityProvider(Map.of("logingovFraudReportOnDisable", "true"));
        try {
            // Disabled without a reason: nothing.
            UserRepresentation disabled = user.toRepresentation();
            disabled.setEnabled(false);
            user.update(disabled);
            assertTrue(api.ofUser(userId).body().isEmpty(), "no reason, no report");

            disableWithReason(user, "authorization-fraud-detected");
            FraudReportApi.Answer reports = api.ofUser(userId);
            assertEquals(1, reports.body().size(), reports.toString());
            assertEquals("automation", reports.body().path(0).path("reportedBy").asText());
            assertEquals(
                    "authorization-fraud-detected",
                    reports.body().path(0).path("eventType").asText());

            // Saved again: still one report.
            user.update(user.toRepresentation());
            assertEquals(1, api.ofUser(userId).body().size());
            // The sweep sends it within seconds.
            FraudReportApi.Answer sent = api.await(
                    reports.body().path(0).path("id").asText(),
                    report -> "DELIVERED".equals(report.state()),
                    Duration.ofSeconds(30));
            assertEquals("DELIVERED", sent.state(), sent.toString());
        } finally {
            realm.updateIdentityProvider(Map.of("logingovFraudReportOnDisable", "false"));
        }
    }

    private static void disableWithReason(UserResource user, String reason) {
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(false);
        Map<String, List<String>> attributes = representation.getAttributes() == null
                ? new java.util.HashMap<>()
                : new java.util.HashMap<>(representation.getAttributes());
        attributes.put("logingov_fraud_reason", List.of(reason));
        representation.setAttributes(attributes);
        user.update(representation);
    }

    String loginGovSub() {
        return realm.resource()
                .users()
                .get(userId)
                .getFederatedIdentity()
                .get(0)
                .getUserId();
    }

    List<ReceivedPartnerEvent> received(String jti) {
        return simulator.recorder().partnerEvents().stream()
                .filter(event -> jti.equals(event.jti()))
                .toList();
    }

    @Test
    void identity_fraud_detected_is_delivered_and_recorded_and_the_next_sign_in_is_as_before() {
        long occurredAt = System.currentTimeMillis() / 1000 - 3600;
        FraudReportApi.Answer answer = api.report(userId, "identity-fraud-detected", "\"occurredAt\":" + occurredAt);
        assertEquals(201, answer.status(), answer.toString());
        assertEquals("DELIVERED", answer.state(), answer.toString());
        assertEquals(202, answer.body().path("lastStatus").asInt());
        assertEquals(1, answer.body().path("attempts").asInt());
        assertTrue(answer.body().path("loginGovError").isNull());

        List<ReceivedPartnerEvent> received = received(answer.body().path("jti").asText());
        assertEquals(1, received.size());
        ReceivedPartnerEvent event = received.get(0);
        assertEquals(202, event.status());
        assertEquals(FraudEventType.IDENTITY_FRAUD_DETECTED.uri(), event.eventType());
        assertEquals(realm.loginGovClientId(), event.clientId());
        assertEquals(loginGovSub(), event.sub(), "named by the pairwise sub of the user's link");
        assertEquals("verified", event.personaId());
        assertEquals(Long.valueOf(occurredAt), event.occurredAt());
        assertEquals("application/secevent+jwt", event.contentType());
        assertFalse(simulator.passwordResetRequired("verified"), "identity fraud is recorded only");
    }

    @Test
    void a_refusal_shows_login_gov_err_and_description_and_is_not_sent_again() throws Exception {
        // The person deleted their Login.gov account: Login.gov knows no account by that sub.
        UserResource user = realm.resource().users().get(userId);
        FederatedIdentityRepresentation link = user.getFederatedIdentity().get(0);
        user.removeFederatedIdentity(BrokerRealm.ALIAS);
        FederatedIdentityRepresentation stale = new FederatedIdentityRepresentation();
        stale.setIdentityProvider(BrokerRealm.ALIAS);
        stale.setUserId("9d0a3f6e-0000-4000-8000-000000000000");
        stale.setUserName(link.getUserName());
        user.addFederatedIdentity(BrokerRealm.ALIAS, stale).close();

        FraudReportApi.Answer answer = api.report(userId, "authorization-fraud-detected", "");
        assertEquals(201, answer.status(), answer.toString());
        assertEquals("REFUSED", answer.state(), answer.toString());
        assertEquals(400, answer.body().path("lastStatus").asInt());
        assertEquals("setData", answer.body().path("loginGovError").path("err").asText(), answer.toString());
        String description =
                answer.body().path("loginGovError").path("description").asText();
        assertFalse(description.isEmpty(), answer.toString());
        assertTrue(answer.body().path("lastProblem").asText().contains(description), answer.toString());
        assertTrue(answer.body().path("nextAttemptAt").isNull(), "a refused report is not sent again");
        assertEquals(409, api.retryNow(answer.body().path("id").asText()).status());
        Thread.sleep(12_000);
        assertEquals(1, received(answer.body().path("jti").asText()).size(), "sent once");
    }

    @Test
    void a_certificate_login_gov_does_not_know_is_refused_with_jws() {
        SimulatorAdmin simulatorAdmin = SimulatorAdmin.shared();
        String pem = realm.clientAssertionKey().certificatePem();
        // Login.gov keeps at least one certificate per client: another one, which did not sign the report.
        String other = SelfSignedKey.generate("CN=another key").certificatePem();
        simulatorAdmin.addCertificate(realm.loginGovClientId(), other);
        simulatorAdmin.removeCertificate(realm.loginGovClientId(), pem);
        try {
            FraudReportApi.Answer answer = api.report(userId, "authorization-fraud-detected", "");
            assertEquals("REFUSED", answer.state(), answer.toString());
            assertEquals("jws", answer.body().path("loginGovError").path("err").asText(), answer.toString());
            assertFalse(simulator.passwordResetRequired("verified"));
        } finally {
            simulatorAdmin.addCertificate(realm.loginGovClientId(), pem);
            simulatorAdmin.removeCertificate(realm.loginGovClientId(), other);
        }
    }

    @Test
    void after_an_outage_the_report_is_sent_again_by_itself_with_the_same_jti() {
        SimulatorAdmin.shared().outage("partner_events", "http_500");
        FraudReportApi.Answer answer;
        try {
            answer = api.report(userId, "identity-fraud-detected", "");
            assertEquals(201, answer.status(), answer.toString());
            assertEquals("RETRYING", answer.state(), answer.toString());
            assertEquals(500, answer.body().path("lastStatus").asInt());
            long wait = answer.body().path("nextAttemptAt").asLong()
                    - answer.body().path("lastAttemptAt").asLong();
            assertTrue(wait >= 10_000 && wait < 11_000, "the first retry comes 10 s later: " + wait);
        } finally {
            SimulatorAdmin.shared().clearOutages();
        }
        String id = answer.body().path("id").asText();
        FraudReportApi.Answer delivered =
                api.await(id, report -> "DELIVERED".equals(report.state()), Duration.ofSeconds(40));
        assertEquals("DELIVERED", delivered.state(), delivered.toString());
        assertEquals(2, delivered.body().path("attempts").asInt());
        assertEquals(answer.body().path("jti"), delivered.body().path("jti"));
        List<ReceivedPartnerEvent> received =
                received(delivered.body().path("jti").asText());
        assertEquals(1, received.size(), "the outage answered the first attempt; the second was received, once");
        assertEquals(202, received.get(0).status());
    }

    @Test
    void a_429_waits_at_least_as_long_as_asked_and_no_answer_in_time_is_retried_too() {
        SimulatorAdmin.shared().throttled("partner_events", "30");
        FraudReportApi.Answer busy;
        try {
            busy = api.report(userId, "identity-fraud-detected", "");
            assertEquals("RETRYING", busy.state(), busy.toString());
            assertEquals(429, busy.body().path("lastStatus").asInt());
            long wait = busy.body().path("nextAttemptAt").asLong()
                    - busy.body().path("lastAttemptAt").asLong();
            assertTrue(wait >= 30_000, "Retry-After: 30 is honoured: " + wait);
        } finally {
            SimulatorAdmin.shared().clearOutages();
        }
        FraudReportApi.Answer now = api.retryNow(busy.body().path("id").asText());
        assertEquals(200, now.status(), now.toString());
        assertEquals("DELIVERED", now.state(), now.toString());

        realm.updateIdentityProvider(
                Map.of("logingovConnectTimeoutMillis", "500", "logingovReadTimeoutMillis", "1000"));
        SimulatorAdmin.shared().outage("partner_events", "hang");
        FraudReportApi.Answer unanswered;
        try {
            unanswered = api.report(userId, "identity-fraud-detected", "");
            assertEquals("RETRYING", unanswered.state(), unanswered.toString());
            assertTrue(unanswered.body().path("lastStatus").isNull(), unanswered.toString());
            assertFalse(unanswered.body().path("lastProblem").asText().isEmpty(), unanswered.toString());
        } finally {
            SimulatorAdmin.shared().clearOutages();
            realm.updateIdentityProvider(Map.of("logingovConnectTimeoutMillis", "", "logingovReadTimeoutMillis", ""));
        }
        FraudReportApi.Answer answered =
                api.retryNow(unanswered.body().path("id").asText());
        assertEquals("DELIVERED", answered.state(), answered.toString());
    }

    @Test
    void authorization_fraud_detected_is_delivered_and_the_person_chooses_a_new_password_at_the_next_visit() {
        FraudReportApi.Answer answer = api.report(userId, "authorization-fraud-detected", "");
        assertEquals(201, answer.status(), answer.toString());
        assertEquals("DELIVERED", answer.state(), answer.toString());
        List<ReceivedPartnerEvent> received = received(answer.body().path("jti").asText());
        assertEquals(1, received.size());
        assertEquals(
                FraudEventType.AUTHORIZATION_FRAUD_DETECTED.uri(),
                received.get(0).eventType());
        assertEquals(loginGovSub(), received.get(0).sub());
        assertTrue(simulator.passwordResetRequired("verified"), "Login.gov reset the password");

        // The person's next visit: Keycloak's login page, Login.gov, and there a new password first.
        SignInFlow next = new SignInFlow(realm);
        HttpBrowser.Page atLoginGov = next.continueToApplication(next.pressLoginGov(next.openLoginPage(Map.of())));
        assertEquals(200, atLoginGov.status(), atLoginGov.toString());
        assertTrue(atLoginGov.contains("Choose a new password"), atLoginGov.body());
        String request = hidden(atLoginGov.body(), "request");
        HttpBrowser.Page mismatch = next.browser.post(
                atLoginGov.formAction(),
                Map.of(
                        "request", request,
                        "password", "a new password 1",
                        "password_confirmation", "another one 12"));
        assertTrue(mismatch.contains("do not match"), mismatch.body());
        HttpBrowser.Page chosen = next.browser.post(
                mismatch.formAction(),
                Map.of(
                        "request", hidden(mismatch.body(), "request"),
                        "password", "a new password 1",
                        "password_confirmation", "a new password 1"));
        JsonNode claims = next.claimsAtApplication(next.continueToApplication(chosen));
        assertEquals(userId, claims.get("sub").asText(), "the same Keycloak user, signed in again");
        assertFalse(simulator.passwordResetRequired("verified"));
    }

    private static String hidden(String html, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(html);
        assertTrue(value.find(), html);
        return value.group(1);
    }
}
