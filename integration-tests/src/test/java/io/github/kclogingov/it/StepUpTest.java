package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.Levels.AUTH_ONLY;
import static io.github.kclogingov.it.support.Levels.PIV_CAC;
import static io.github.kclogingov.it.support.Levels.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedAuthorization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Step-up within one browser session, hop by hop: a higher level sends the person straight back
 * to Login.gov and raises the same Keycloak session (on one axis keeping the other), a level the
 * session has stays in Keycloak, and a passive request for more answers login_required. The
 * realm's step-up browser flow is the shipped one. {@link BrowserStepUpTest} walks it in Chromium.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class StepUpTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("step-up", Registration.VERIFIED);
        Levels.reset(realm);
        realm.reset("facial-match");
    }

    @Test
    void step_up_from_auth_only_to_verified_happens_in_one_browser_session() {
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);

        JsonNode first = flow.signInClaims(Map.of());
        assertEquals("auth-only", first.get("acr").asText());
        assertEquals(AUTH_ONLY, first.get("logingov_ial").asText());

        HttpBrowser.Page stepUp = flow.authorize(Map.of("acr_values", "verified"));
        assertTrue(
                stepUp.isRedirect() && stepUp.location().getPath().endsWith("/broker/" + BrokerRealm.ALIAS + "/login"),
                () -> "the person must go straight back to Login.gov, not to " + stepUp);
        JsonNode second = flow.claimsAtApplication(flow.continueToApplication(stepUp));

        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size());
        assertEquals(VERIFIED, authorizations.get(1).parameter("acr_values"));
        assertEquals("verified", second.get("acr").asText());
        assertEquals(VERIFIED, second.get("logingov_ial").asText());
        assertEquals(first.get("sub").asText(), second.get("sub").asText(), "the same Keycloak user");
        assertEquals(first.get("sid").asText(), second.get("sid").asText(), "the same Keycloak session, raised");
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size());
        List<FederatedIdentityRepresentation> links =
                realm.resource().users().get(users.get(0).getId()).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals(BrokerRealm.ALIAS, links.get(0).getIdentityProvider());
    }

    @Test
    void a_level_the_session_already_has_does_not_leave_keycloak() {
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of("acr_values", "verified"));

        for (String level : List.of("verified", "auth-only")) {
            HttpBrowser.Page answer = flow.authorize(Map.of("acr_values", level));
            assertTrue(
                    answer.isRedirect() && SignInFlow.isApplication(answer.location()),
                    () -> "single sign-on expected for " + level + ", got " + answer);
            assertEquals(level, flow.claimsAtApplication(answer).get("acr").asText());
        }
        assertEquals(1, simulator.recorder().authorizations().size(), "Login.gov was asked once");
    }

    @Test
    void step_up_on_one_axis_keeps_the_other() {
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of("acr_values", "verified"));

        JsonNode raised =
                flow.claimsAtApplication(flow.continueToApplication(flow.authorize(Map.of("acr_values", "piv-cac"))));

        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size());
        assertEquals(VERIFIED + " " + PIV_CAC, authorizations.get(1).parameter("acr_values"));
        assertEquals("piv-cac", raised.get("acr").asText());
        assertEquals(VERIFIED, raised.get("logingov_ial").asText());
        assertEquals(PIV_CAC, raised.get("logingov_aal").asText());
    }

    /**
     * The README's rule for a request with no level: the highest-numbered name that Login.gov's
     * latest answers for the session meet. The PIV/CAC step-up asked Login.gov for the verified
     * identity too, so the session still proves it: verified (4) is above piv-cac (3).
     */
    @Test
    void with_no_level_asked_a_verified_session_raised_to_piv_cac_names_the_highest_level_it_meets() {
        simulator.setAutoPersona("piv-cac");
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of("acr_values", "verified"));
        flow.claimsAtApplication(flow.continueToApplication(flow.authorize(Map.of("acr_values", "piv-cac"))));

        HttpBrowser.Page again = flow.authorize(Map.of());

        assertTrue(
                again.isRedirect() && SignInFlow.isApplication(again.location()),
                () -> "single sign-on expected, got " + again);
        JsonNode claims = flow.claimsAtApplication(again);
        assertEquals("verified", claims.get("acr").asText());
        assertEquals(VERIFIED, claims.get("logingov_ial").asText());
        assertEquals(PIV_CAC, claims.get("logingov_aal").asText());
        assertEquals(2, simulator.recorder().authorizations().size(), "Login.gov was asked twice");
    }

    /**
     * A step-up on the AAL axis keeps the IAL Login.gov last asserted for the session, not the one
     * the person could reach: a session signed in at auth-only and raised to PIV/CAC names piv-cac.
     */
    @Test
    void with_no_level_asked_an_auth_only_session_raised_to_piv_cac_names_piv_cac() {
        simulator.setAutoPersona("piv-cac");
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());
        flow.claimsAtApplication(flow.continueToApplication(flow.authorize(Map.of("acr_values", "piv-cac"))));
        assertEquals(
                AUTH_ONLY + " " + PIV_CAC,
                simulator.recorder().authorizations().get(1).parameter("acr_values"));

        JsonNode claims = flow.claimsAtApplication(flow.authorize(Map.of()));

        assertEquals("piv-cac", claims.get("acr").asText());
        assertEquals(AUTH_ONLY, claims.get("logingov_ial").asText());
        assertEquals(PIV_CAC, claims.get("logingov_aal").asText());
    }

    /**
     * Single sign-on with no level asked never names a level that a request for it would send back
     * to Login.gov: past the verified identity's reuse limit, the session is named auth-only, while
     * logingov_ial still says what Login.gov asserted.
     */
    @Test
    void with_no_level_asked_a_level_past_its_reuse_limit_is_not_named() throws InterruptedException {
        simulator.setAutoPersona("verified");
        realm.updateIdentityProvider(Map.of("logingovIalMaxAgeSeconds", "1"));
        try {
            SignInFlow flow = new SignInFlow(realm);
            assertEquals(
                    "verified",
                    flow.signInClaims(Map.of("acr_values", "verified"))
                            .get("acr")
                            .asText());
            Thread.sleep(2100);

            HttpBrowser.Page again = flow.authorize(Map.of());

            assertTrue(
                    again.isRedirect() && SignInFlow.isApplication(again.location()),
                    () -> "a request that needs neither axis is single sign-on: " + again);
            JsonNode claims = flow.claimsAtApplication(again);
            assertEquals("auth-only", claims.get("acr").asText());
            assertEquals(VERIFIED, claims.get("logingov_ial").asText());
            assertEquals(1, simulator.recorder().authorizations().size(), "Login.gov was asked once");
        } finally {
            realm.updateIdentityProvider(Map.of("logingovIalMaxAgeSeconds", ""));
        }
    }

    @Test
    void a_passive_request_for_a_higher_level_answers_login_required() {
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());

        HttpBrowser.Page answer = flow.authorize(Map.of("acr_values", "verified", "prompt", "none"));

        assertTrue(answer.isRedirect() && SignInFlow.isApplication(answer.location()), () -> answer.toString());
        assertEquals("login_required", answer.locationQuery().get("error"));
        assertEquals(1, simulator.recorder().authorizations().size());
    }

    @Test
    void an_assertion_older_than_its_axis_limit_sends_the_person_back_to_login_gov() throws InterruptedException {
        simulator.setAutoPersona("piv-cac");
        realm.updateIdentityProvider(Map.of("logingovAalMaxAgeSeconds", "1", "logingovIalMaxAgeSeconds", "1"));
        try {
            SignInFlow flow = new SignInFlow(realm);
            flow.signInClaims(Map.of("acr_values", "piv-cac"));
            Thread.sleep(2100);

            HttpBrowser.Page piv = flow.authorize(Map.of("acr_values", "piv-cac"));
            assertTrue(isStepUp(piv), () -> "a PIV/CAC assertion older than the AAL limit is asserted again: " + piv);
            assertEquals(
                    "piv-cac",
                    flow.claimsAtApplication(flow.continueToApplication(piv))
                            .get("acr")
                            .asText());
            Thread.sleep(2100);

            HttpBrowser.Page verified = flow.authorize(Map.of("acr_values", "verified"));
            assertTrue(isStepUp(verified), () -> "a verified identity older than the IAL limit: " + verified);
            flow.claimsAtApplication(flow.continueToApplication(verified));
            Thread.sleep(2100);

            HttpBrowser.Page plain = flow.authorize(Map.of("acr_values", "auth-only"));
            assertTrue(
                    plain.isRedirect() && SignInFlow.isApplication(plain.location()),
                    () -> "a request that needs neither axis is single sign-on: " + plain);
            assertEquals(3, simulator.recorder().authorizations().size());
        } finally {
            realm.updateIdentityProvider(Map.of("logingovAalMaxAgeSeconds", "", "logingovIalMaxAgeSeconds", ""));
        }
    }

    @Test
    void a_second_login_gov_provider_linked_later_never_lends_its_level_to_the_session() {
        String production = "logingov-production";
        realm.addSecondProvider(production, Map.of("logingovIal", VERIFIED));
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());

        // Keycloak's application-initiated action that links another identity provider to the signed-in user.
        HttpBrowser.Page confirm = flow.browser.followUntil(
                flow.authorize(Map.of("kc_action", "idp_link:" + production)), SignInFlow::isApplication);
        assertEquals(200, confirm.status(), "Keycloak asks the person to confirm the link");
        HttpBrowser.Page linked = flow.browser.followUntil(
                flow.browser.post(confirm.formAction(), Map.of("continue", "")), SignInFlow::isApplication);
        assertTrue(linked.isRedirect() && SignInFlow.isApplication(linked.location()), linked::toString);
        assertEquals(VERIFIED, simulator.recorder().authorizations().get(1).parameter("acr_values"));
        String userId = realm.resource().users().list().get(0).getId();
        assertEquals(
                2, realm.resource().users().get(userId).getFederatedIdentity().size(), "both providers linked");

        HttpBrowser.Page verified = flow.authorize(Map.of("acr_values", "verified"));
        assertTrue(
                isStepUp(verified),
                () -> "the session signed in through " + BrokerRealm.ALIAS + " at auth-only; the verified answer of "
                        + production + " must not serve it: " + verified);
    }

    private static boolean isStepUp(HttpBrowser.Page page) {
        return page.isRedirect() && page.location().getPath().endsWith("/broker/" + BrokerRealm.ALIAS + "/login");
    }
}
