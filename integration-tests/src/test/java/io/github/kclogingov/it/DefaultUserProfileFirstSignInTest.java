package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The first sign-in into an existing Keycloak, whose realm has Keycloak's default user profile
 * (first and last name required) and its stock first broker login flow: an auth-only Login.gov
 * account has no name, so without the install step that makes the names optional the person
 * stops on Keycloak's "Update Account Information" form. With it, in exactly the words of the
 * install step, they reach the application; a name Login.gov releases still fills the fields.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class DefaultUserProfileFirstSignInTest extends BrokerIntegrationTest {

    /** Keycloak's own first broker login flow, which every new realm has. */
    private static final String STOCK_FIRST_BROKER_LOGIN = "first broker login";

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("default-profile", Registration.VERIFIED);
        Levels.reset(realm);
        realm.reset("auth-only");
        useKeycloakDefaults();
    }

    @Test
    void without_the_install_step_an_auth_only_first_sign_in_stops_on_the_name_form() {
        HttpBrowser.Page end = new SignInFlow(realm).signIn(Map.of());

        assertEquals(200, end.status(), () -> "Keycloak's review form expected, got " + end);
        assertTrue(
                end.body().contains("name=\"firstName\"") && end.body().contains("name=\"lastName\""),
                () -> "the form asks for first and last name: " + end.body());
        assertTrue(realm.resource().users().list().isEmpty(), "no user until the form is sent");
    }

    @Test
    void after_the_install_step_an_auth_only_first_sign_in_reaches_the_application_with_no_form() {
        makeNamesOptionalAsTheInstallStepSays();

        JsonNode claims = new SignInFlow(realm).signInClaims(Map.of());

        assertEquals("auth-only", claims.get("acr").asText());
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size());
        assertEquals("casey.authonly@example.com", users.get(0).getEmail());
        assertNull(users.get(0).getFirstName(), "no name is made up");
        assertNull(users.get(0).getLastName(), "no name is made up");
    }

    @Test
    void after_the_install_step_a_name_login_gov_releases_still_fills_the_fields() {
        makeNamesOptionalAsTheInstallStepSays();
        realm.reset("verified");
        realm.updateIdentityProvider(Map.of("logingovAttributes", "email##name"));

        HttpBrowser.Page end = new SignInFlow(realm).signIn(Map.of("acr_values", "verified"));

        assertTrue(end.isRedirect() && SignInFlow.isApplication(end.location()), end::toString);
        UserRepresentation user = realm.resource().users().list().get(0);
        assertEquals("Jordan", user.getFirstName());
        assertEquals("Verified", user.getLastName());
    }

    /**
     * The realm as a Keycloak realm is before the extension: the user profile every new realm gets
     * (read from one just created), and the provider using Keycloak's stock first broker login flow.
     */
    private void useKeycloakDefaults() {
        String probe = "default-profile-probe";
        RealmRepresentation fresh = new RealmRepresentation();
        fresh.setRealm(probe);
        fresh.setEnabled(true);
        admin.realms().create(fresh);
        UPConfig defaults;
        try {
            defaults = admin.realm(probe).users().userProfile().getConfiguration();
        } finally {
            admin.realm(probe).remove();
        }
        assertNotNull(
                defaults.getAttribute("firstName").getRequired(), "Keycloak's default profile requires the first name");
        assertNotNull(
                defaults.getAttribute("lastName").getRequired(), "Keycloak's default profile requires the last name");
        realm.resource().users().userProfile().update(defaults);

        IdentityProviderRepresentation provider = realm.identityProvider();
        provider.setFirstBrokerLoginFlowAlias(STOCK_FIRST_BROKER_LOGIN);
        realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(provider);
        assertTrue(
                realm.resource().flows().getFlows().stream()
                        .anyMatch(flow -> STOCK_FIRST_BROKER_LOGIN.equals(flow.getAlias())),
                "the realm has Keycloak's stock first broker login flow");
    }

    /**
     * The install step (docs: "Installing into your Keycloak"): Realm settings → User profile →
     * firstName → Required field off → Save; the same for lastName. In the console, switching
     * Required field off removes the attribute's "required" setting, which is what is saved here.
     */
    private void makeNamesOptionalAsTheInstallStepSays() {
        UPConfig profile = realm.resource().users().userProfile().getConfiguration();
        for (String name : List.of("firstName", "lastName")) {
            profile.getAttribute(name).setRequired(null);
        }
        realm.resource().users().userProfile().update(profile);
    }
}
