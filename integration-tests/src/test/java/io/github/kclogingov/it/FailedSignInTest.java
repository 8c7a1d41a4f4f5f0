package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertFailurePage;
import static io.github.kclogingov.it.support.FailedSignIn.assertNoUser;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.AuthorizationFault;
import io.github.kclogingov.simulator.IdTokenFault;
import io.github.kclogingov.simulator.RecordedAuthorization;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Every way a Login.gov sign-in must fail closed: a clear page for the person, an event with the
 * reason for the admin, no user created, never a 500 and never a stack trace on the page.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class FailedSignInTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        // Registered auth-only, so that asking for a verified level is a real invalid_request.
        realm = realmOfThisClass("failures", Registration.AUTH_ONLY);
        realm.reset("verified");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TAMPERED_SIGNATURE, signature is invalid",
        "WRONG_ISSUER, issuer",
        "EXTRA_AUDIENCE, audience must be exactly the client ID",
        "MISSING_IAT, no iat",
        "MISSING_EXP, no exp",
        "IAT_IN_FUTURE, iat is in the future",
        "WRONG_NONCE, nonce does not match",
        "SIGNED_BY_UNKNOWN_KEY, does not list",
        "HS256, RS256 only",
        "NONE_ALG, RS256 only"
    })
    void an_id_token_that_fails_validation_is_refused_with_no_user_created(IdTokenFault fault, String reason) {
        simulator.faults().nextIdToken(fault);
        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertFailurePage(page);
        assertTrue(
                loginErrorEvent(realm).getDetails().get("reason").contains(reason),
                () -> "event reason for " + fault + ": "
                        + loginErrorEvent(realm).getDetails());
        assertNoUser(realm);
    }

    @Test
    void a_person_who_cancels_at_login_gov_is_back_on_the_login_page() {
        simulator.faults().nextAuthorization(AuthorizationFault.CANCEL);
        int logStart = ServerLog.content().length();
        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertEquals(200, page.status(), () -> "expected Keycloak's login page, got " + page);
        assertTrue(page.contains("You cancelled signing in with Login.gov"), page::body);
        String log = ServerLog.content().substring(logStart);
        assertFalse(log.contains(" ERROR "), () -> "a cancel is no error:\n" + log);
        page.hrefOf("social-" + BrokerRealm.ALIAS);
        assertNoUser(realm);
    }

    @Test
    void login_gov_refusing_the_request_is_explained_with_its_own_text() {
        // The provider believes it is registered for verification; the simulator knows it is not.
        realm.updateIdentityProvider(
                Map.of("logingovIal", "urn:acr.login.gov:verified", "logingovRegistration", "verified"));
        try {
            HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

            RecordedAuthorization authorization =
                    simulator.recorder().authorizations().get(0);
            assertEquals("invalid_request", authorization.error());
            assertFailurePage(page);
            assertTrue(page.contains("not authorized"), page::body);
            EventRepresentation event = loginErrorEvent(realm);
            assertTrue(
                    event.getDetails().get("logingov_error").contains("not authorized"),
                    () -> event.getDetails().toString());
            assertNoUser(realm);
        } finally {
            realm.updateIdentityProvider(
                    Map.of("logingovIal", "urn:acr.login.gov:auth-only", "logingovRegistration", "auth-only"));
        }
    }

    @Test
    void a_token_endpoint_error_is_explained_with_login_gov_text() {
        simulator.faults().nextTokenError("Code has expired, start over");
        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertFailurePage(page);
        assertTrue(page.contains("HTTP 400"), page::body);
        assertEquals(
                "Code has expired, start over",
                loginErrorEvent(realm).getDetails().get("logingov_error"));
        assertNoUser(realm);
    }

    @Test
    void the_realm_active_key_is_never_used_to_sign_for_login_gov() {
        String activeKid = realm.resource().keys().getKeyMetadata().getActive().get("RS256");
        // Refused on save since the key is checked then; the sign-in check below covers a key made active later.
        BadRequestException refused = assertThrows(
                BadRequestException.class,
                () -> realm.updateIdentityProvider(Map.of("logingovSigningKeyId", activeKid)));
        assertTrue(refused.getResponse()
                .readEntity(String.class)
                .contains("is active, so it also signs Keycloak's own tokens"));
        assertEquals(BrokerRealm.KEY_ID, realm.identityProvider().getConfig().get("logingovSigningKeyId"));
        new SignInFlow(realm).signInClaims(Map.of());
    }

    @Test
    void a_dedicated_key_made_active_after_the_provider_was_saved_is_refused_at_the_next_sign_in() {
        ComponentRepresentation key = dedicatedKeyComponent();
        key.getConfig().putSingle("active", "true");
        realm.resource().components().component(key.getId()).update(key);
        try {
            SignInFlow flow = new SignInFlow(realm);
            HttpBrowser.Page afterButton = flow.pressLoginGov(flow.openLoginPage(Map.of()));

            assertFailurePage(afterButton);
            assertTrue(simulator.recorder().authorizations().isEmpty(), "nobody is sent to Login.gov");
            assertTrue(loginErrorEvent(realm).getDetails().get("reason").contains("is an active realm key"));
        } finally {
            key.getConfig().putSingle("active", "false");
            realm.resource().components().component(key.getId()).update(key);
        }
        realm.resource().clearEvents();
        new SignInFlow(realm).signInClaims(Map.of());
    }

    private ComponentRepresentation dedicatedKeyComponent() {
        String realmId = realm.resource().toRepresentation().getId();
        List<ComponentRepresentation> keys =
                realm.resource().components().query(realmId, "org.keycloak.keys.KeyProvider", BrokerRealm.KEY_ID);
        assertEquals(1, keys.size(), () -> "the realm's dedicated key component: " + keys);
        return keys.get(0);
    }

    @Test
    void the_server_log_never_holds_a_token() {
        simulator.faults().nextIdToken(IdTokenFault.WRONG_ISSUER);
        new SignInFlow(realm).signIn(Map.of());
        String log = ServerLog.content();
        assertFalse(
                log.matches("(?s).*eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}.*"),
                "a JWT was written to the server log");
    }
}
