package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertUnavailablePage;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kclogingov.it.support.Attributes;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.Mappers;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Outage;
import io.github.kclogingov.simulator.Outages;
import io.github.kclogingov.simulator.Persona;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Where the attributes come from (issue 19): by default the verified id_token, which Login.gov fills
 * with every claim the scopes release, so a sign-in makes one call to Login.gov (the token call);
 * userinfo when the id_token lacks a promised claim, or at every sign-in when the provider is set to
 * always call it. Either way the user, the downstream token and the log are the same: every
 * attribute, the SSN mapper (its last four), the address mapper (the reproof refresh is in {@code SecurityEventsTest}).
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AttributeSourceTest extends BrokerIntegrationTest {

    /** The downstream id_token's claims that come from Login.gov's attributes. */
    static final List<String> RELEASED_CLAIMS = List.of(
            "given_name", "family_name", "email", "email_verified", "address", "acr", "logingov_ial", "logingov_aal");

    Users users;
    Mappers mappers;

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("attribute-source", Registration.VERIFIED);
        Attributes.reset(realm);
        realm.updateIdentityProvider(Map.of(
                "logingovAttributes",
                Attributes.ALL_BUT_SSN + "##social_security_number",
                "syncMode",
                "FORCE",
                io.github.kclogingov.it.support.BrokerRealm.ALWAYS_CALL_USERINFO,
                "false"));
        // The PIV/CAC persona is verified and has every attribute, x509 ones included.
        realm.reset("piv-cac");
        users = new Users(realm);
        mappers = new Mappers(realm);
        mappers.addMapper(
                "ssn",
                "logingov-ssn-mapper",
                Map.of("user.attribute", "logingov_ssn", "keep", "last-four", "syncMode", "FORCE"));
    }

    /**
     * The users go too: the suite's database is shared, and PersonalDataTest checks that no table
     * of it holds a full SSN.
     */
    @AfterEach
    void usualLoginGov() {
        realm.reset("piv-cac");
        mappers.removeAdded();
        simulator.setIdTokenCarriesUserinfo(true);
        simulator.outages().clear();
    }

    /** What one verified sign-in of a new person leaves, and the calls it made to Login.gov. */
    record Outcome(
            UserRepresentation user,
            Map<String, List<String>> attributes,
            JsonNode released,
            int tokenCalls,
            int userinfoCalls) {}

    private Outcome verifiedSignInOfNewPerson() {
        realm.reset("piv-cac");
        Instant start = simulator.now().minusSeconds(1);
        JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        UserRepresentation user = users.onlyUser();
        ObjectNode released = idToken.deepCopy();
        released.retain(RELEASED_CLAIMS);
        Attributes.TOKEN_ATTRIBUTES.forEach(claim -> released.set(claim, idToken.get(claim)));
        return new Outcome(
                user,
                new TreeMap<>(user.getAttributes()),
                released,
                simulator.recorder().tokenRequests().size(),
                simulator.recorder().userinfoRequestsSince(start).size());
    }

    @Test
    void by_default_the_id_token_carries_the_attributes_and_always_userinfo_gives_the_same_user() {
        Persona piv = persona("piv-cac");
        int logStart = ServerLog.content().length();

        Outcome fromIdToken = verifiedSignInOfNewPerson();
        realm.alwaysCallUserinfo(true);
        Outcome fromUserinfo = verifiedSignInOfNewPerson();

        assertEquals(1, fromIdToken.tokenCalls());
        assertEquals(0, fromIdToken.userinfoCalls(), "one call to Login.gov: the id_token carried every attribute");
        assertEquals(1, fromUserinfo.tokenCalls());
        assertEquals(1, fromUserinfo.userinfoCalls(), "set to always call userinfo");

        // Every attribute, the SSN mapper's and the address mapper's among them.
        assertEquals(
                List.of(piv.socialSecurityNumber().substring(5)),
                fromIdToken.attributes().get("logingov_ssn"),
                "the SSN mapper keeps the last four");
        assertEquals(
                List.of(piv.address().streetAddress()), fromIdToken.attributes().get("street"));
        assertEquals(
                List.of(piv.address().postalCode()), fromIdToken.attributes().get("postal_code"));
        assertEquals(
                List.of(piv.birthdate().toString()), fromIdToken.attributes().get("birthdate"));
        assertEquals(List.of(piv.phone()), fromIdToken.attributes().get("phoneNumber"));
        assertEquals(List.of(piv.x509Subject()), fromIdToken.attributes().get("logingov_x509_subject"));
        assertEquals(piv.givenName(), fromIdToken.user().getFirstName());
        assertEquals(piv.familyName(), fromIdToken.user().getLastName());
        assertEquals(piv.email(), fromIdToken.user().getEmail());

        // The same, whichever carried them: what is stored and what the application receives.
        assertEquals(fromUserinfo.attributes(), fromIdToken.attributes());
        assertEquals(fromUserinfo.user().getFirstName(), fromIdToken.user().getFirstName());
        assertEquals(fromUserinfo.user().getLastName(), fromIdToken.user().getLastName());
        assertEquals(fromUserinfo.user().getEmail(), fromIdToken.user().getEmail());
        assertEquals(fromUserinfo.user().isEmailVerified(), fromIdToken.user().isEmailVerified());
        assertEquals(fromUserinfo.released(), fromIdToken.released());
        assertEquals(
                piv.address().locality(),
                fromIdToken.released().get("address").get("locality").asText());

        // And what is logged: no value either way (the server runs with the broker's DEBUG on).
        String log = ServerLog.content().substring(logStart);
        assertTrue(log.contains("Login.gov attributes read from the id_token"), "the DEBUG line of the id_token way");
        assertTrue(log.contains("Login.gov userinfo accepted"), "the DEBUG line of the userinfo way");
        for (String personal : Attributes.personalValues(piv)) {
            assertFalse(log.contains(personal), () -> "the server log holds personal data: " + personal);
        }
    }

    @Test
    void an_id_token_without_the_attributes_sends_the_broker_to_userinfo_for_the_same_user() {
        Outcome fromIdToken = verifiedSignInOfNewPerson();
        simulator.setIdTokenCarriesUserinfo(false);
        Outcome fromUserinfo = verifiedSignInOfNewPerson();

        assertEquals(1, fromUserinfo.userinfoCalls(), "the id_token lacked the promised claims");
        assertEquals(fromIdToken.attributes(), fromUserinfo.attributes());
        assertEquals(fromIdToken.released(), fromUserinfo.released());
    }

    @Test
    void an_auth_only_sign_in_reads_the_id_token_too_and_gets_no_verified_attribute() {
        Instant start = simulator.now().minusSeconds(1);
        new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(0, simulator.recorder().userinfoRequestsSince(start).size());
        Map<String, List<String>> attributes = users.onlyUser().getAttributes();
        for (String verifiedOnly : List.of("birthdate", "street", "phoneNumber", "logingov_ssn")) {
            assertNull(attributes.get(verifiedOnly), () -> verifiedOnly + " must not come from an auth-only sign-in");
        }
        assertEquals(persona("piv-cac").allEmails(), attributes.get("logingov_all_emails"));
        assertEquals(List.of("urn:acr.login.gov:auth-only"), attributes.get("logingov_ial"));
    }

    @Test
    void a_userinfo_outage_stops_only_the_sign_ins_that_call_userinfo() {
        simulator.outages().set(Outages.Endpoint.USERINFO, Outage.HTTP_500);

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        assertEquals(1, realm.resource().users().count(), "the id_token's attributes need no userinfo");

        realm.alwaysCallUserinfo(true);
        realm.resource().clearEvents();
        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of("acr_values", "verified"));
        assertUnavailablePage(page);
        assertEquals(
                "Login.gov is unavailable: its userinfo endpoint answered HTTP 500",
                loginErrorEvent(realm).getDetails().get("reason"));
    }
}
