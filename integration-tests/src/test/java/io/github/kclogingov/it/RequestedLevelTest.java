package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.Levels.AAL2;
import static io.github.kclogingov.it.support.Levels.AUTH_ONLY;
import static io.github.kclogingov.it.support.Levels.DEFAULT_AAL;
import static io.github.kclogingov.it.support.Levels.FACIAL_MATCH;
import static io.github.kclogingov.it.support.Levels.PHISHING_RESISTANT;
import static io.github.kclogingov.it.support.Levels.PIV_CAC;
import static io.github.kclogingov.it.support.Levels.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FailedSignIn;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedAuthorization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Asking for a level: which acr values Keycloak sends Login.gov for each configured level, for a
 * level the application names (acr_values, an essential acr claim, a client's default acr, an
 * administrator's own name), with the provider's default as a floor, which scopes go with a level,
 * and a level the registration does not permit refused before anyone leaves Keycloak. The realm is
 * the shipped realm export, with its acr-to-LoA map (auth-only 1, phishing-resistant 2, piv-cac 3,
 * verified 4, verified-facial-match 5).
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class RequestedLevelTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("requested-level", Registration.VERIFIED);
        Levels.reset(realm);
        // The facial-match persona meets every level, so that only the request decides.
        realm.reset("facial-match");
    }

    @Test
    void the_literals_of_this_test_match_the_domain_package() {
        assertEquals(AuthenticationAssurance.DEFAULT.value(), DEFAULT_AAL);
        assertEquals(AuthenticationAssurance.AAL2.value(), AAL2);
        assertEquals(AuthenticationAssurance.PHISHING_RESISTANT.value(), PHISHING_RESISTANT);
        assertEquals(AuthenticationAssurance.PIV_CAC.value(), PIV_CAC);
        assertEquals(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED.value(AcrForm.SEMANTIC), FACIAL_MATCH);
    }

    static Stream<Arguments> configurableLevels() {
        List<String> currentIals = List.of(
                AUTH_ONLY,
                VERIFIED,
                FACIAL_MATCH,
                "urn:acr.login.gov:verified-facial-match-preferred",
                "http://idmanagement.gov/ns/assurance/ial/0");
        List<String> legacyIals = List.of(
                "http://idmanagement.gov/ns/assurance/ial/1",
                "http://idmanagement.gov/ns/assurance/loa/1",
                "http://idmanagement.gov/ns/assurance/ial/2",
                "http://idmanagement.gov/ns/assurance/loa/3",
                "http://idmanagement.gov/ns/assurance/ial/2?bio=required",
                "http://idmanagement.gov/ns/assurance/ial/2?bio=preferred");
        List<String> aals = List.of(
                "",
                AAL2,
                PHISHING_RESISTANT,
                PIV_CAC,
                "http://idmanagement.gov/ns/assurance/aal/3",
                "http://idmanagement.gov/ns/assurance/aal/3?hspd12=true");
        List<Arguments> combinations = new ArrayList<>();
        currentIals.forEach(ial -> aals.forEach(aal -> combinations.add(Arguments.of(ial, aal))));
        legacyIals.forEach(ial -> List.of("", AAL2).forEach(aal -> combinations.add(Arguments.of(ial, aal))));
        return combinations.stream();
    }

    @ParameterizedTest(name = "IAL {0} + AAL [{1}]")
    @MethodSource("configurableLevels")
    void every_configurable_level_is_sent_exactly_and_its_answer_accepted(String ial, String aal) {
        realm.updateIdentityProvider(Map.of("logingovIal", ial, "logingovAal", aal));

        JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of());

        String expectedAcrValues = aal.isEmpty() ? ial : ial + " " + aal;
        assertEquals(expectedAcrValues, lastAuthorization().parameter("acr_values"));
        // The facial-match persona meets every level; Login.gov answers in the request's spelling.
        IdentityAssurance requested = IdentityAssurance.fromValue(ial).orElseThrow();
        String asserted = requested
                .assertedFor(IdentityAssurance.Proofing.VERIFIED_WITH_FACIAL_MATCH)
                .orElseThrow()
                .value(IdentityAssurance.formOf(ial));
        assertEquals(asserted, idToken.get("logingov_ial").asText());
        assertEquals(
                aal.isEmpty() ? DEFAULT_AAL : aal, idToken.get("logingov_aal").asText());
    }

    @Test
    void a_legacy_value_is_accepted_with_a_warning_in_the_log() {
        realm.updateIdentityProvider(Map.of("logingovIal", "http://idmanagement.gov/ns/assurance/ial/2"));

        String log = ServerLog.content();
        assertTrue(
                log.contains("uses deprecated acr value(s) http://idmanagement.gov/ns/assurance/ial/2"),
                "the server log must warn about the legacy value");
    }

    @ParameterizedTest(name = "acr_values={0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "auth-only             | " + AUTH_ONLY + "                       | auth-only",
                "phishing-resistant    | " + AUTH_ONLY + " " + PHISHING_RESISTANT + " | phishing-resistant",
                "piv-cac               | " + AUTH_ONLY + " " + PIV_CAC + "           | piv-cac",
                "verified              | " + VERIFIED + "                        | verified",
                "verified-facial-match | " + FACIAL_MATCH + "                    | verified-facial-match",
                // Several names mean "any of these": Keycloak asks for the lowest-numbered.
                "piv-cac verified      | " + AUTH_ONLY + " " + PIV_CAC + "           | piv-cac"
            })
    void an_application_asks_for_a_level_by_the_realms_name_and_gets_it_in_its_token(
            String requested, String sentToLoginGov, String acrInToken) {
        JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of("acr_values", requested));

        assertEquals(sentToLoginGov, lastAuthorization().parameter("acr_values"));
        assertEquals(acrInToken, idToken.get("acr").asText());
    }

    @Test
    void an_essential_acr_claim_is_a_request_too() {
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"verified-facial-match\"]}}}";

        JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of("claims", claims));

        assertEquals(FACIAL_MATCH, lastAuthorization().parameter("acr_values"));
        assertEquals("verified-facial-match", idToken.get("acr").asText());
        assertEquals(FACIAL_MATCH, idToken.get("logingov_ial").asText());
    }

    @Test
    void a_clients_default_acr_is_a_request_too() {
        ClientRepresentation app = realm.appClient();
        app.getAttributes().put("default.acr.values", "phishing-resistant");
        realm.resource().clients().get(app.getId()).update(app);
        try {
            JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of());

            assertEquals(
                    AUTH_ONLY + " " + PHISHING_RESISTANT, lastAuthorization().parameter("acr_values"));
            assertEquals("phishing-resistant", idToken.get("acr").asText());
            assertEquals(PHISHING_RESISTANT, idToken.get("logingov_aal").asText());
        } finally {
            app.getAttributes().remove("default.acr.values");
            realm.resource().clients().get(app.getId()).update(app);
        }
    }

    @Test
    void without_a_request_the_default_level_is_sent_and_reported() {
        simulator.setAutoPersona("verified");

        JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(AUTH_ONLY, lastAuthorization().parameter("acr_values"));
        assertEquals("auth-only", idToken.get("acr").asText());
        assertEquals(AUTH_ONLY, idToken.get("logingov_ial").asText());
        assertEquals(DEFAULT_AAL, idToken.get("logingov_aal").asText());

        // With a verified default, the token names the highest level of the realm's map that Login.gov's answer meets.
        realm.updateIdentityProvider(Map.of("logingovIal", VERIFIED));
        JsonNode verified = new SignInFlow(realm).signInClaims(Map.of());
        assertEquals(VERIFIED, lastAuthorization().parameter("acr_values"));
        assertEquals("verified", verified.get("acr").asText());
    }

    @Test
    void the_default_level_is_a_floor_on_both_axes() {
        realm.updateIdentityProvider(Map.of("logingovIal", VERIFIED, "logingovAal", AAL2));

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "auth-only"));
        assertEquals(VERIFIED + " " + AAL2, lastAuthorization().parameter("acr_values"));

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "piv-cac"));
        assertEquals(VERIFIED + " " + PIV_CAC, lastAuthorization().parameter("acr_values"));

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified-facial-match"));
        assertEquals(FACIAL_MATCH + " " + AAL2, lastAuthorization().parameter("acr_values"));
    }

    @Test
    void an_administrators_own_level_name_is_honoured() {
        realm.updateIdentityProvider(
                Map.of("logingovAcrNames", "{\"gold\": \"" + VERIFIED + " " + PHISHING_RESISTANT + "\"}"));
        var representation = realm.resource().toRepresentation();
        String shipped = representation.getAttributes().get("acr.loa.map");
        representation.getAttributes().put("acr.loa.map", shipped.replace("}", ",\"gold\":6}"));
        realm.resource().update(representation);
        try {
            JsonNode idToken = new SignInFlow(realm).signInClaims(Map.of("acr_values", "gold"));

            assertEquals(
                    VERIFIED + " " + PHISHING_RESISTANT, lastAuthorization().parameter("acr_values"));
            assertEquals("gold", idToken.get("acr").asText());
        } finally {
            representation.getAttributes().put("acr.loa.map", shipped);
            realm.resource().update(representation);
        }
    }

    @Test
    void verified_only_scopes_are_sent_only_with_a_verified_level() {
        realm.updateIdentityProvider(Map.of("logingovAttributes", "email##name##address##verified_at"));
        assertEquals(
                "openid email profile:name address profile:verified_at",
                realm.identityProvider().getConfig().get("defaultScope"),
                "the scopes derived from the attributes are shown in the stock Scopes field");

        new SignInFlow(realm).signInClaims(Map.of());
        assertEquals("openid email profile:verified_at", lastAuthorization().parameter("scope"));

        new SignInFlow(realm).signInClaims(Map.of("acr_values", "verified"));
        assertEquals(
                "openid email profile:name address profile:verified_at",
                lastAuthorization().parameter("scope"));
    }

    @Test
    void a_level_the_registration_does_not_permit_fails_before_leaving_keycloak() {
        BrokerRealm authOnly = realmOfThisClass("requested-level-authonly", Registration.AUTH_ONLY);
        authOnly.resource().clearEvents();

        HttpBrowser.Page page = new SignInFlow(authOnly).signIn(Map.of("acr_values", "verified"));

        FailedSignIn.assertFailurePage(page);
        assertTrue(simulator.recorder().authorizations().isEmpty(), "nobody may be sent to Login.gov");
        assertTrue(FailedSignIn.loginErrorEvent(authOnly)
                .getDetails()
                .get("reason")
                .contains("registered for authentication only"));
        FailedSignIn.assertNoUser(authOnly);
    }

    /** The authorization request that reached the simulator last. */
    RecordedAuthorization lastAuthorization() {
        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertFalse(authorizations.isEmpty(), "nothing reached the simulator");
        return authorizations.get(authorizations.size() - 1);
    }
}
