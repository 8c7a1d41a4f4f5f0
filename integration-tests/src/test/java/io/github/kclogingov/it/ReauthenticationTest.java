package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FailedSignIn;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.IdTokenFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Re-authentication that is true, and passive requests that stay passive. Login.gov has no
 * {@code max_age} and takes {@code prompt=login} only from allow-listed clients, which alone
 * receive {@code auth_time}: an application demanding a re-authentication gets a token only when
 * Login.gov's {@code auth_time} proves it, and {@code login_required} otherwise; a
 * {@code prompt=none} request never reaches Login.gov.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class ReauthenticationTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("reauthentication", Registration.VERIFIED);
        Levels.reset(realm);
        realm.reset("verified");
    }

    @Test
    void prompt_login_without_an_auth_time_from_login_gov_answers_login_required() {
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());
        realm.resource().clearEvents();

        HttpBrowser.Page loginPage = flow.authorize(Map.of("prompt", "login"));
        assertEquals(200, loginPage.status(), "Keycloak asks the person to sign in again");
        HttpBrowser.Page end = flow.continueToApplication(flow.pressLoginGov(loginPage));

        assertLoginRequired(end);
        assertEquals(
                "select_account",
                simulator.recorder().authorizations().get(1).parameter("prompt"),
                "a client Login.gov did not allow-list never sends prompt=login (Login.gov would refuse it)");
        EventRepresentation event = FailedSignIn.loginErrorEvent(realm);
        assertTrue(
                event.getDetails().get("reason").contains("auth_time"),
                () -> event.getDetails().toString());
    }

    @Test
    void max_age_zero_without_an_auth_time_answers_login_required_even_for_a_first_sign_in() {
        SignInFlow flow = new SignInFlow(realm);

        HttpBrowser.Page end = flow.signIn(Map.of("max_age", "0"));

        assertLoginRequired(end);
        assertEquals(1, simulator.recorder().tokenRequests().size(), "Login.gov answered; its answer proved nothing");
    }

    @Test
    void a_max_age_the_session_meets_is_single_sign_on() {
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());

        HttpBrowser.Page answer = flow.authorize(Map.of("max_age", "3600"));

        assertTrue(answer.isRedirect() && SignInFlow.isApplication(answer.location()), answer::toString);
        assertTrue(answer.locationQuery().containsKey("code"), answer::toString);
        assertEquals(1, simulator.recorder().authorizations().size(), "Login.gov was asked once");
    }

    @Test
    void prompt_none_with_a_provider_hint_never_reaches_login_gov() {
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());

        HttpBrowser.Page answer = flow.browser.followUntil(
                flow.authorize(Map.of("acr_values", "verified", "prompt", "none", "kc_idp_hint", BrokerRealm.ALIAS)),
                SignInFlow::isApplication);

        assertLoginRequired(answer);
        assertEquals(1, simulator.recorder().authorizations().size(), "Login.gov was asked once, for the sign-in");
    }

    @Test
    void prompt_none_with_a_provider_hint_and_no_session_answers_login_required() {
        SignInFlow flow = new SignInFlow(realm);

        HttpBrowser.Page answer = flow.browser.followUntil(
                flow.authorize(Map.of("prompt", "none", "kc_idp_hint", BrokerRealm.ALIAS)), SignInFlow::isApplication);

        assertLoginRequired(answer);
        assertEquals(0, simulator.recorder().authorizations().size());
    }

    @Test
    void an_allow_listed_client_sends_prompt_login_and_keycloak_reports_login_gov_auth_time() {
        BrokerRealm allowed = allowListedRealm();
        SignInFlow flow = new SignInFlow(allowed);
        flow.signInClaims(Map.of());

        JsonNode claims = flow.claimsAtApplication(
                flow.continueToApplication(flow.pressLoginGov(flow.authorize(Map.of("prompt", "login")))));

        assertEquals("login", simulator.recorder().authorizations().get(1).parameter("prompt"));
        long loginGovAuthTime =
                SignInFlow.claims(lastIdTokenIssued()).get("auth_time").asLong();
        assertEquals(loginGovAuthTime, claims.get("auth_time").asLong(), "Keycloak's auth_time is Login.gov's");
    }

    @Test
    void an_allow_listed_client_gets_login_required_when_login_gov_auth_time_is_older_than_the_request() {
        BrokerRealm allowed = allowListedRealm();
        SignInFlow flow = new SignInFlow(allowed);
        flow.signInClaims(Map.of());
        simulator.faults().nextIdToken(IdTokenFault.STALE_AUTH_TIME);

        HttpBrowser.Page end =
                flow.continueToApplication(flow.pressLoginGov(flow.authorize(Map.of("prompt", "login"))));

        assertLoginRequired(end);
    }

    @Test
    void an_allow_listed_client_meets_max_age_with_a_fresh_auth_time_and_not_with_a_stale_one() {
        BrokerRealm allowed = allowListedRealm();
        SignInFlow first = new SignInFlow(allowed);
        assertTrue(first.signIn(Map.of("max_age", "300")).locationQuery().containsKey("code"));

        simulator.faults().nextIdToken(IdTokenFault.STALE_AUTH_TIME);
        assertLoginRequired(new SignInFlow(allowed).signIn(Map.of("max_age", "300")));
    }

    /** A second realm of this class, registered at the simulator as a client Login.gov allow-listed. */
    private BrokerRealm allowListedRealm() {
        BrokerRealm allowed = realmOfThisClass("reauthentication-allowed", Registration.VERIFIED);
        allowed.allowReauthentication();
        allowed.reset("verified");
        return allowed;
    }

    private String lastIdTokenIssued() {
        List<String> issued = simulator.recorder().issuedTokens();
        return issued.get(issued.size() - 1);
    }

    private static void assertLoginRequired(HttpBrowser.Page answer) {
        assertTrue(
                answer.isRedirect() && SignInFlow.isApplication(answer.location()),
                () -> "expected the application to hear login_required, got " + answer + "\n" + answer.body());
        assertEquals("login_required", answer.locationQuery().get("error"), answer::toString);
    }
}
