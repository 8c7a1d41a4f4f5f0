package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertFailurePage;
import static io.github.kclogingov.it.support.FailedSignIn.assertNoUser;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static io.github.kclogingov.it.support.Levels.AAL2;
import static io.github.kclogingov.it.support.Levels.AUTH_ONLY;
import static io.github.kclogingov.it.support.Levels.DEFAULT_AAL;
import static io.github.kclogingov.it.support.Levels.FACIAL_MATCH;
import static io.github.kclogingov.it.support.Levels.PIV_CAC;
import static io.github.kclogingov.it.support.Levels.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Checking the level Login.gov asserts: an answer whose acr or AAL does not meet the request (a
 * lower, missing, unknown or differently spelled acr, another AAL) fails the sign-in with the
 * reason in the event and no user, whatever the persona could have reached.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AssertedLevelTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("asserted-level", Registration.VERIFIED);
        Levels.reset(realm);
        // The facial-match persona meets every level: only the simulator's faults make an answer fall short.
        realm.reset("facial-match");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a lower acr                      | acr  | " + AUTH_ONLY + " | does not meet the requested " + VERIFIED,
                "no acr                           | none |                   | returned no acr",
                "an unknown acr                   | acr  | urn:acr.login.gov:gold | cannot accept ('urn:acr.login.gov:gold')",
                "a legacy acr for a semantic request | acr | http://idmanagement.gov/ns/assurance/ial/2 | cannot accept",
                "facial match asked, verified returned | facial | " + VERIFIED + " | does not meet the requested "
                        + FACIAL_MATCH,
                "a different aal                  | aal  | " + AAL2 + "      | not the requested " + DEFAULT_AAL
            })
    void an_answer_that_does_not_meet_the_request_fails_with_no_user(
            String name, String fault, String value, String reason) {
        String requested = "verified";
        switch (fault) {
            case "acr" -> simulator.faults().overrideNextAcr(value);
            case "none" -> simulator.faults().omitNextAcr();
            case "facial" -> {
                requested = "verified-facial-match";
                simulator.faults().overrideNextAcr(value);
            }
            case "aal" -> simulator.faults().overrideNextAal(value);
            default -> throw new IllegalArgumentException(fault);
        }

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of("acr_values", requested));

        assertFailurePage(page);
        EventRepresentation event = loginErrorEvent(realm);
        assertTrue(event.getDetails().get("reason").contains(reason), () -> name + ": " + event.getDetails());
        assertNoUser(realm);
    }

    @Test
    void a_different_aal_fails_when_one_was_requested_too() {
        simulator.faults().overrideNextAal(AAL2);

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of("acr_values", "piv-cac"));

        assertFailurePage(page);
        assertTrue(loginErrorEvent(realm).getDetails().get("reason").contains("not the requested " + PIV_CAC));
        assertNoUser(realm);
    }
}
