package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SecurityEventPush.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SecurityEventPush;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventType;
import io.github.kclogingov.simulator.SecurityEventDelivery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Login.gov's security events end to end: the simulator pushes each event type as production does
 * to the realm's push URL, and each default action shows on the user, their sessions and the
 * realm's events.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class SecurityEventsTest extends BrokerIntegrationTest {

    static final Duration LOGOUT_TIME = Duration.ofSeconds(15);

    SecurityEventPush push;
    SignInFlow flow;
    String userId;

    @BeforeEach
    void signedInPerson() {
        realm = realmOfThisClass("signals", Registration.VERIFIED);
        realm.reset("verified");
        push = new SecurityEventPush(realm, simulator);
        flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());
        userId = realm.resource().users().list().get(0).getId();
        assertEquals(1, user().getUserSessions().size());
    }

    /** The application asks for an offline token too, in the same browser session (single sign-on). */
    String offlineToken() {
        var end = flow.authorize(Map.of("scope", "openid offline_access"));
        String token = flow.exchangeCode(end.locationQuery().get("code"))
                .get("refresh_token")
                .asText();
        assertEquals("Offline", SignInFlow.claims(token).get("typ").asText());
        assertEquals(200, flow.refresh(token), "the offline token works before the event");
        return token;
    }

    UserResource user() {
        return realm.resource().users().get(userId);
    }

    int offlineSessions() {
        return user().getOfflineSessions(realm.appClient().getId()).size();
    }

    boolean signedOutEverywhere() {
        return user().getUserSessions().isEmpty() && offlineSessions() == 0;
    }

    EventRepresentation recorded(SecurityEventDelivery delivery, String action) {
        assertEquals(202, delivery.status(), delivery.body());
        return push.recorded(delivery.jti(), action)
                .orElseThrow(() -> new AssertionError("no event " + action + " for " + delivery.eventType() + ": "
                        + push.recorded().stream()
                                .map(EventRepresentation::getDetails)
                                .toList()));
    }

    @Test
    void account_disabled_disables_the_user_and_ends_every_session_offline_included() {
        String offlineToken = offlineToken();
        SecurityEventDelivery delivery = push.send("verified", SecurityEventType.ACCOUNT_DISABLED);

        EventRepresentation event = recorded(delivery, "user-disabled-and-signed-out");
        assertFalse(user().toRepresentation().isEnabled());
        assertTrue(eventually(LOGOUT_TIME, this::signedOutEverywhere), "sessions and offline sessions end");
        assertEquals(userId, event.getUserId());
        assertEquals(
                Map.of(
                        "identity_provider",
                        BrokerRealm.ALIAS,
                        "logingov_event",
                        "account-disabled",
                        "logingov_jti",
                        delivery.jti(),
                        "logingov_action",
                        "user-disabled-and-signed-out"),
                event.getDetails(),
                "the details name the provider, event, jti and action, and nothing personal");
        assertEquals(400, flow.refresh(offlineToken), "the offline token is refused");
    }

    @Test
    void account_enabled_enables_a_user_that_account_disabled_disabled() {
        push.send("verified", SecurityEventType.ACCOUNT_DISABLED);
        SecurityEventDelivery enabled = push.send("verified", SecurityEventType.ACCOUNT_ENABLED);

        recorded(enabled, "user-enabled");
        assertTrue(user().toRepresentation().isEnabled());
        assertNull(user().toRepresentation().firstAttribute("disabledReason"));
        new SignInFlow(realm).signInClaims(Map.of());
    }

    @Test
    void a_user_an_admin_disabled_stays_disabled_after_account_enabled() {
        setEnabled(false);
        recorded(push.send("verified", SecurityEventType.ACCOUNT_DISABLED), "already-disabled-signed-out");

        recorded(push.send("verified", SecurityEventType.ACCOUNT_ENABLED), "left-disabled-not-disabled-by-login-gov");
        assertFalse(user().toRepresentation().isEnabled());
    }

    @Test
    void an_admin_who_enabled_then_disabled_the_user_again_keeps_the_decision() {
        push.send("verified", SecurityEventType.ACCOUNT_DISABLED);
        setEnabled(true);
        setEnabled(false);

        recorded(push.send("verified", SecurityEventType.ACCOUNT_ENABLED), "left-disabled-not-disabled-by-login-gov");
        assertFalse(user().toRepresentation().isEnabled());
    }

    void setEnabled(boolean enabled) {
        UserRepresentation representation = user().toRepresentation();
        representation.setEnabled(enabled);
        user().update(representation);
    }

    @Test
    void account_purged_unlinks_and_disables_a_user_left_with_no_way_to_sign_in() {
        SecurityEventDelivery delivery = push.send("verified", SecurityEventType.ACCOUNT_PURGED);

        recorded(delivery, "signed-out-unlinked-and-disabled-no-other-sign-in");
        assertTrue(user().getFederatedIdentity().isEmpty());
        assertFalse(user().toRepresentation().isEnabled());
        assertTrue(eventually(LOGOUT_TIME, this::signedOutEverywhere));
        // Acted on once: the same token again finds the work done.
        HttpResponse<String> again = push.post(delivery.token());
        assertEquals(202, again.statusCode());
        recorded(delivery, "duplicate-already-handled");
    }

    @ParameterizedTest
    @EnumSource(
            value = SecurityEventType.class,
            names = {"PASSWORD_RESET", "RECOVERY_ACTIVATED", "MFA_LIMIT_ACCOUNT_LOCKED"})
    void these_events_end_every_session_and_leave_the_account_enabled(SecurityEventType type) {
        String offlineToken = offlineToken();
        recorded(push.send("verified", type), "signed-out");

        assertTrue(eventually(LOGOUT_TIME, this::signedOutEverywhere));
        assertEquals(400, flow.refresh(offlineToken), "the offline token is refused");
        assertTrue(user().toRepresentation().isEnabled());
        assertEquals(1, user().getFederatedIdentity().size());
    }

    @Test
    void recovery_information_changed_is_recorded_only() {
        recorded(push.send("verified", SecurityEventType.RECOVERY_INFORMATION_CHANGED), "logged-only");

        assertEquals(1, user().getUserSessions().size());
    }

    @Test
    void an_action_can_be_set_to_log_only() {
        realm.updateIdentityProvider(Map.of("logingovOnPasswordReset", "log-only"));
        try {
            recorded(push.send("verified", SecurityEventType.PASSWORD_RESET), "logged-only");
            assertEquals(1, user().getUserSessions().size());
        } finally {
            realm.updateIdentityProvider(Map.of("logingovOnPasswordReset", "sign-out"));
        }
    }

    @Test
    void email_subjects_unknown_users_and_replays_are_acknowledged_and_change_nothing() {
        SecurityEventDelivery email = push.send("verified", SecurityEventType.IDENTIFIER_CHANGED);
        EventRepresentation emailEvent = recorded(email, "ignored-email-subject");
        assertNull(emailEvent.getUserId());
        String personaEmail = io.github.kclogingov.it.support.SharedSimulator.persona("verified")
                .email();
        assertFalse(emailEvent.getDetails().toString().contains(personaEmail), "no email in the event");

        recorded(push.send("auth-only", SecurityEventType.ACCOUNT_DISABLED), "no-linked-user");

        SecurityEventDelivery reset = push.send("verified", SecurityEventType.RECOVERY_INFORMATION_CHANGED);
        assertEquals(202, push.post(reset.token()).statusCode());
        assertEquals(202, push.post(reset.token()).statusCode());
        assertEquals(
                1,
                push.recorded().stream()
                        .filter(e -> reset.jti().equals(e.getDetails().get("logingov_jti")))
                        .filter(e -> "logged-only".equals(e.getDetails().get("logingov_action")))
                        .count(),
                "acted on once");
        recorded(reset, "duplicate-already-handled");
        assertTrue(user().toRepresentation().isEnabled());
        assertEquals(1, user().getUserSessions().size());
    }

    @Test
    void a_replayed_account_disabled_is_acted_on_once_and_does_not_undo_an_admin_enable() {
        SecurityEventDelivery disabled = push.send("verified", SecurityEventType.ACCOUNT_DISABLED);
        setEnabled(true);

        assertEquals(202, push.post(disabled.token()).statusCode());
        assertTrue(user().toRepresentation().isEnabled(), "the duplicate did not disable again");
    }

    /** Both ways the attributes arrive (issue 19): the id_token (the default) or userinfo at every sign-in. */
    @ParameterizedTest(name = "always call userinfo: {0}")
    @ValueSource(booleans = {false, true})
    void reproof_completed_refreshes_the_verified_attributes_at_the_next_sign_in_even_in_import_mode(
            boolean alwaysCallUserinfo) {
        realm.alwaysCallUserinfo(alwaysCallUserinfo);
        realm.resource().users().get(userId).toRepresentation();
        var mapper = realm.resource().identityProviders().get(BrokerRealm.ALIAS).getMappers().stream()
                .filter(m -> m.getName().equals("birth date"))
                .findFirst()
                .orElseThrow();
        mapper.getConfig().put("syncMode", "IMPORT");
        realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(mapper.getId(), mapper);
        try {
            UserRepresentation stale = user().toRepresentation();
            stale.singleAttribute("birthdate", "1900-01-01");
            user().update(stale);
            new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
            assertEquals("1900-01-01", user().toRepresentation().firstAttribute("birthdate"), "IMPORT: not updated");

            recorded(push.send("verified", SecurityEventType.REPROOF_COMPLETED), "refresh-at-next-sign-in");
            new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));

            String expected = io.github.kclogingov.it.support.SharedSimulator.persona("verified")
                    .birthdate()
                    .toString();
            assertEquals(expected, user().toRepresentation().firstAttribute("birthdate"));
            assertNull(user().toRepresentation().firstAttribute("logingov_reproof_pending"), "refreshed once");
            assertEquals(
                    alwaysCallUserinfo ? 2 : 0,
                    simulator
                            .recorder()
                            .userinfoRequestsSince(java.time.Instant.EPOCH)
                            .size(),
                    "the attributes came from " + (alwaysCallUserinfo ? "userinfo" : "the id_token"));
        } finally {
            mapper.getConfig().put("syncMode", "FORCE");
            realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(mapper.getId(), mapper);
            realm.alwaysCallUserinfo(false);
        }
    }
}
