package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.Attributes;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Who a Login.gov sign-in is: the same {@code sub} is the same user whatever its email, and an
 * existing account is linked only after its owner signs in to it, never on an email alone (nor
 * on any of Login.gov's {@code all_emails}).
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AccountLinkingTest extends BrokerIntegrationTest {

    Users users;

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("account-linking", Registration.VERIFIED);
        // Sync mode IMPORT, which a test changes to FORCE.
        Attributes.reset(realm);
        realm.reset("verified");
        users = new Users(realm);
    }

    @Test
    void the_same_sub_with_a_new_email_is_the_same_user_updated_as_the_sync_mode_says() {
        String original = persona("verified").email();
        new SignInFlow(realm).signInClaims(Map.of());
        UserRepresentation first = users.onlyUser();
        assertEquals(original, first.getEmail());
        assertTrue(first.isEmailVerified(), "Login.gov verified the email of a user this provider created");

        simulator.changeEmail("verified", "jordan.new@example.org");
        new SignInFlow(realm).signInClaims(Map.of());
        assertEquals(first.getId(), users.onlyUser().getId(), "the same user");
        assertEquals(original, users.onlyUser().getEmail(), "sync mode IMPORT keeps the email");

        realm.updateIdentityProvider(Map.of("syncMode", "FORCE"));
        new SignInFlow(realm).signInClaims(Map.of());
        assertEquals(first.getId(), users.onlyUser().getId());
        assertEquals(
                "jordan.new@example.org", users.onlyUser().getEmail(), "sync mode FORCE takes Login.gov's new email");
        assertTrue(users.onlyUser().isEmailVerified());
    }

    @Test
    void a_new_sub_with_an_existing_accounts_email_is_linked_only_after_signing_in_to_that_account() {
        String localId =
                users.createLocalUser("jordan-local", persona("verified").email(), "local password 1");

        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page confirm = new SignInFlow(realm, browser).signIn(Map.of());

        assertEquals(200, confirm.status(), () -> "expected Keycloak's 'account already exists' page, got " + confirm);
        assertTrue(confirm.contains("already exists"), confirm::body);
        assertEquals(1, realm.resource().users().count(), "no user created");
        assertTrue(realm.resource().users().get(localId).getFederatedIdentity().isEmpty(), "not linked by email");

        HttpBrowser.Page reauthenticate = browser.post(confirm.formAction(), Map.of("submitAction", "linkAccount"));
        HttpBrowser.Page passwordPage =
                reauthenticate.isRedirect() ? browser.followUntil(reauthenticate, uri -> false) : reauthenticate;
        assertTrue(
                passwordPage.contains("password"),
                () -> "the existing account's owner must sign in: " + passwordPage.body());
        assertTrue(realm.resource().users().get(localId).getFederatedIdentity().isEmpty());

        HttpBrowser.Page linked = browser.followUntil(
                browser.post(
                        passwordPage.formAction(), Map.of("username", "jordan-local", "password", "local password 1")),
                SignInFlow::isApplication);
        assertTrue(
                linked.isRedirect() && SignInFlow.isApplication(linked.location()), () -> "linking failed: " + linked);
        assertEquals(
                1,
                realm.resource().users().get(localId).getFederatedIdentity().size(),
                "linked after re-authentication");
        assertFalse(
                realm.resource().users().get(localId).toRepresentation().isEmailVerified(),
                "a local account never gets a verified email from Login.gov");
    }

    @Test
    void an_email_differing_only_in_case_is_still_an_existing_account() {
        users.createLocalUser("jordan-upper", persona("verified").email().toUpperCase(), "local password 2");

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertTrue(
                page.status() == 200 && page.contains("already exists"),
                () -> "expected the confirm-link page: " + page);
        assertEquals(1, realm.resource().users().count());
    }

    @Test
    void an_existing_username_equal_to_the_login_gov_email_is_an_existing_account() {
        users.createLocalUser(persona("verified").email(), "someone.else@example.net", "local password 3");

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertTrue(
                page.status() == 200 && page.contains("already exists"),
                () -> "expected the confirm-link page: " + page);
        assertEquals(1, realm.resource().users().count());
    }

    @Test
    void all_emails_is_never_used_to_link() {
        String secondAddress = persona("verified").allEmails().get(1);
        String localId = users.createLocalUser("jordan-second", secondAddress, "local password 4");

        HttpBrowser.Page end = new SignInFlow(realm).signIn(Map.of());

        assertTrue(end.isRedirect() && SignInFlow.isApplication(end.location()), () -> "a new user is created: " + end);
        assertEquals(2, realm.resource().users().count());
        assertTrue(realm.resource().users().get(localId).getFederatedIdentity().isEmpty());
    }
}
