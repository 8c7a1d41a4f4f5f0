package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.LoginGovEndpoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A benchmark of first sign-ins needs a new person (sub and email) at every automatic sign-in. */
class NewPersonEverySignInTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @Test
    void by_default_the_same_persona_signs_in_with_the_same_sub_and_email() {
        Flows.Tokens first = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
        Flows.Tokens second = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
        assertEquals(first.claims().getSubject(), second.claims().getSubject());
        assertEquals(
                simulator.subjectOf("verified", TestClients.CONFIDENTIAL),
                first.claims().getSubject());
    }

    @Test
    void when_asked_every_sign_in_gets_its_own_sub_and_tagged_email_and_keeps_the_verified_attributes()
            throws Exception {
        simulator.setNewPersonEverySignIn(true);
        AuthorizeParams params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                .acr(AuthorizeParams.VERIFIED)
                .scope("openid email all_emails profile:name");
        Flows.Tokens first = Flows.signIn(simulator, params);
        Flows.Tokens second = Flows.signIn(simulator, params);

        assertNotEquals(first.claims().getSubject(), second.claims().getSubject());
        assertNotEquals(
                simulator.subjectOf("verified", TestClients.CONFIDENTIAL),
                first.claims().getSubject());
        String firstEmail = first.claims().getStringClaim("email");
        String secondEmail = second.claims().getStringClaim("email");
        assertNotEquals(firstEmail, secondEmail);
        assertTrue(firstEmail.matches("jordan\\.verified\\+[0-9]+@example\\.com"), firstEmail);
        List<String> allEmails = first.claims().getStringListClaim("all_emails");
        assertEquals(firstEmail, allEmails.get(0));
        assertTrue(allEmails.stream().allMatch(address -> address.contains("+")), allEmails::toString);

        // Userinfo answers for the same new person as the id_token, not for the configured persona.
        Map<String, Object> userinfo = Flows.userinfo(simulator, first.accessToken());
        assertEquals(first.claims().getSubject(), userinfo.get("sub"));
        assertEquals(firstEmail, userinfo.get("email"));
        assertEquals("Jordan", first.claims().getClaim("given_name"));
        assertEquals("Jordan", userinfo.get("given_name"));
        // The configured personas are unchanged: the new persons are never registered.
        assertEquals(4, simulator.personas().size());
        assertEquals("verified", simulator.autoPersona());
    }

    @Test
    void concurrent_codes_of_new_persons_do_not_replace_each_other() {
        simulator.setNewPersonEverySignIn(true);
        AuthorizeParams params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
        String firstCode = Flows.code(simulator, params);
        String secondCode = Flows.code(simulator, params);
        assertEquals(
                200,
                Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, firstCode))
                        .statusCode());
        assertEquals(
                200,
                Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, secondCode))
                        .statusCode());
    }

    @Test
    void every_discovery_fetch_is_recorded() {
        var before = simulator.now();
        Http.get(simulator.issuer() + LoginGovEndpoints.DISCOVERY_PATH);
        Http.get(simulator.issuer() + LoginGovEndpoints.DISCOVERY_PATH);
        assertEquals(2, simulator.recorder().discoveryRequestsSince(before).size());
        simulator.recorder().clear();
        assertFalse(simulator.recorder().discoveryRequests().size() > 0);
    }
}
