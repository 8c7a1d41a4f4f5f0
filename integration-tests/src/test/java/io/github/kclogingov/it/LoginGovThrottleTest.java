package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SharedSimulator;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedLogout;
import io.github.kclogingov.simulator.ThrottleSettings;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Login.gov's per-IP throttle (identity-idp's public default, 300 requests per 300 s), switched on
 * for this class only: the suite's shared simulator has it off, since every call of the run comes
 * from one machine.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class LoginGovThrottleTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("logingov-throttle", Registration.VERIFIED);
        realm.reset("verified");
    }

    @Test
    void a_verified_sign_in_and_its_sign_out_stay_within_login_gov_s_public_throttle() {
        long throttledBefore = simulator.throttle().throttledRequests();
        SharedSimulator.withThrottle(ThrottleSettings.loginGovDefault(), () -> {
            SignInFlow flow = new SignInFlow(realm);
            HttpBrowser.Page end = flow.signIn(Map.of("acr_values", "verified"));
            String idToken = flow.exchangeCode(end.locationQuery().get("code"))
                    .get("id_token")
                    .asText();
            HttpBrowser.Page back = flow.signOutToApplication(flow.openApplicationLogout(idToken));
            assertTrue(back.isRedirect() && SignInFlow.isApplication(back.location()), () -> "" + back);
        });
        assertEquals(throttledBefore, simulator.throttle().throttledRequests(), "no call was answered 429");
        assertEquals(
                RecordedLogout.Outcome.CONFIRMED,
                simulator.recorder().logouts().get(0).outcome());
        assertTrue(!simulator.throttle().settings().enabled(), "switched off again for the other classes");
    }
}
