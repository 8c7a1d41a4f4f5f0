package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.Attributes;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FailedSignIn;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedTokenRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The broker living with Login.gov's session as identity-idp runs it: the id_token's {@code exp}
 * and {@code expires_in} are what is left of the person's Login.gov session (as short as a few
 * seconds when it is nearly over), and a code exchanged after the session ended brings back
 * {@code exp} = now, {@code expires_in} 0, null verified attributes and an access token that
 * userinfo already refuses.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class LoginGovSessionTest extends BrokerIntegrationTest {

    Users users;

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("logingov-session", Registration.VERIFIED);
        Attributes.reset(realm);
        realm.reset("verified");
        users = new Users(realm);
    }

    @AfterEach
    void loginGovDefaults() {
        simulator.setSessionTimeout(LoginGovProtocol.SESSION_TIMEOUT);
    }

    @Test
    void a_sign_in_whose_login_gov_session_is_nearly_over_succeeds() {
        simulator.setSessionTimeout(Duration.ofSeconds(20));

        JsonNode claims = new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));

        assertTrue(claims.hasNonNull("sub"), "signed in to the application");
        assertEquals(persona("verified").email(), users.onlyUser().getEmail());
        RecordedTokenRequest answered = simulator.recorder().tokenRequests().get(0);
        JsonNode loginGovIdToken = SignInFlow.claims(answered.issuedIdToken());
        long lifetime =
                loginGovIdToken.get("exp").asLong() - loginGovIdToken.get("iat").asLong();
        assertTrue(lifetime > 0 && lifetime <= 20, "Login.gov's id_token lived " + lifetime + " s");
        assertEquals(
                List.of(persona("verified").birthdate().toString()),
                users.onlyUser().getAttributes().get("birthdate"));
    }

    @Test
    void a_session_ended_between_the_code_and_the_token_exchange_keeps_the_stored_verified_attributes() {
        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        Map<String, List<String>> stored = users.onlyUser().getAttributes();
        assertEquals(List.of(persona("verified").birthdate().toString()), stored.get("birthdate"));
        realm.resource().clearEvents();
        simulator.recorder().clear();

        // The person signs in again; Login.gov redirects back with a code, and the session ends
        // (times out) before Keycloak exchanges it.
        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page toLoginGov = flow.pressLoginGov(flow.openLoginPage(Map.of("acr_values", "verified")));
        HttpBrowser.Page withCode = flow.browser.followUntil(
                toLoginGov, uri -> uri.toString().startsWith(realm.brokerEndpoint(BrokerRealm.ALIAS)));
        assertTrue(withCode.isRedirect() && withCode.locationQuery().containsKey("code"), () -> "" + withCode);
        assertTrue(simulator.endSessions("verified") >= 1);
        HttpBrowser.Page end = flow.continueToApplication(withCode);

        // What Login.gov answered: the code still worked, but the session had ended.
        RecordedTokenRequest answered = simulator.recorder().tokenRequests().get(0);
        assertEquals(200, answered.status());
        JsonNode loginGovIdToken = SignInFlow.claims(answered.issuedIdToken());
        assertEquals(
                loginGovIdToken.get("iat").asLong(), loginGovIdToken.get("exp").asLong());
        assertTrue(loginGovIdToken.get("birthdate").isNull(), "Login.gov sends null verified attributes");

        // What the person sees: the provider's failure page (never a 500, never a stack trace),
        // and one login-error event naming the cause.
        assertFalse(end.isRedirect() && SignInFlow.isApplication(end.location()), () -> "signed in anyway: " + end);
        FailedSignIn.assertFailurePage(end);
        EventRepresentation event = FailedSignIn.loginErrorEvent(realm);
        assertTrue(
                String.valueOf(event.getDetails().get("reason")).contains("userinfo"),
                () -> "the event names the refused userinfo call: " + event.getDetails());

        // The stored verified attributes are untouched.
        Map<String, List<String>> after = users.onlyUser().getAttributes();
        for (String attribute : List.of("birthdate", "street", "locality", "region", "postal_code", "phoneNumber")) {
            assertEquals(stored.get(attribute), after.get(attribute), attribute + " is kept");
        }
        assertEquals(persona("verified").givenName(), users.onlyUser().getFirstName());
    }
}
