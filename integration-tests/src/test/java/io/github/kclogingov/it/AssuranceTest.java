package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FailedSignIn;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SharedSimulator;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.RecordedAuthorization;
import io.github.kclogingov.simulator.ServiceProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Identity and authentication assurance end to end: what the application asks Keycloak for, what
 * Keycloak asks Login.gov for, what Login.gov answers, and what the application's tokens say.
 * The realm is the shipped realm export, with its acr-to-LoA map (auth-only 1, phishing-resistant
 * 2, piv-cac 3, verified 4, verified-facial-match 5) and its step-up browser flow.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AssuranceTest {

    static final String AUTH_ONLY = "urn:acr.login.gov:auth-only";
    static final String VERIFIED = "urn:acr.login.gov:verified";
    static final String FACIAL_MATCH = "urn:acr.login.gov:verified-facial-match-required";
    // Literals, as annotations need constants; a_literal_matches_the_domain_package checks them.
    static final String DEFAULT_AAL = "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo";
    static final String AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";
    static final String PHISHING_RESISTANT = "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true";
    static final String PIV_CAC = "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BrokerRealm realm;
    final LoginGovSimulator simulator = SharedSimulator.get();

    @BeforeEach
    void realm() {
        realm = BrokerRealm.forTestClass(admin, urls.getBase(), "assurance", Registration.VERIFIED);
        // IALMAX is for allow-listed agencies; this one is.
        simulator.addServiceProvider(ServiceProvider.privateKeyJwt(realm.loginGovClientId(),
                        List.of(realm.brokerEndpoint(BrokerRealm.ALIAS)), List.of(realm.clientAssertionKey().certificatePem()),
                        Registration.VERIFIED)
                .withPostLogoutRedirectUris(List.of(realm.brokerEndpoint(BrokerRealm.ALIAS) + "/logout_response"))
                .withIalmaxAllowed(true));
        realm.updateIdentityProvider(Map.of(
                "logingovIal", AUTH_ONLY,
                "logingovAal", "",
                "logingovAcrNames", "",
                "logingovAttributes", "email"));
        realm.resource().users().list().forEach(user -> realm.resource().users().delete(user.getId()).close());
        realm.resource().clearEvents();
        simulator.faults().clear();
        simulator.recorder().clear();
        simulator.setAutoPersona("facial-match");
    }

    @Test
    void the_literals_of_this_test_match_the_domain_package() {
        assertEquals(AuthenticationAssurance.DEFAULT.value(), DEFAULT_AAL);
        assertEquals(AuthenticationAssurance.AAL2.value(), AAL2);
        assertEquals(AuthenticationAssurance.PHISHING_RESISTANT.value(), PHISHING_RESISTANT);
        assertEquals(AuthenticationAssurance.PIV_CAC.value(), PIV_CAC);
        assertEquals(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED.value(io.github.kclogingov.protocol.AcrForm.SEMANTIC), FACIAL_MATCH);
    }

    // ---- requesting a level ------------------------------------------------------------------

    static Stream<Arguments> configurableLevels() {
        List<String> currentIals = List.of(AUTH_ONLY, VERIFIED, FACIAL_MATCH,
                "urn:acr.login.gov:verified-facial-match-preferred", "http://idmanagement.gov/ns/assurance/ial/0");
        List<String> legacyIals = List.of("http://idmanagement.gov/ns/assurance/ial/1", "http://idmanagement.gov/ns/assurance/loa/1",
                "http://idmanagement.gov/ns/assurance/ial/2", "http://idmanagement.gov/ns/assurance/loa/3",
                "http://idmanagement.gov/ns/assurance/ial/2?bio=required", "http://idmanagement.gov/ns/assurance/ial/2?bio=preferred");
        List<String> aals = List.of("", AAL2, PHISHING_RESISTANT, PIV_CAC,
                "http://idmanagement.gov/ns/assurance/aal/3", "http://idmanagement.gov/ns/assurance/aal/3?hspd12=true");
        List<Arguments> combinations = new ArrayList<>();
        currentIals.forEach(ial -> aals.forEach(aal -> combinations.add(Arguments.of(ial, aal))));
        legacyIals.forEach(ial -> List.of("", AAL2).forEach(aal -> combinations.add(Arguments.of(ial, aal))));
        return combinations.stream();
    }

    @ParameterizedTest(name = "IAL {0} + AAL [{1}]")
    @MethodSource("configurableLevels")
    void every_configurable_level_is_sent_exactly_and_its_answer_accepted(String ial, String aal) {
        realm.updateIdentityProvider(Map.of("logingovIal", ial, "logingovAal", aal));

        JsonNode idToken = signIn(new SignInFlow(realm), Map.of());

        String expectedAcrValues = aal.isEmpty() ? ial : ial + " " + aal;
        assertEquals(expectedAcrValues, lastAuthorization().parameter("acr_values"));
        // The facial-match persona meets every level; Login.gov answers in the request's spelling.
        IdentityAssurance requested = IdentityAssurance.fromValue(ial).orElseThrow();
        String asserted = requested.assertedFor(IdentityAssurance.Proofing.VERIFIED_WITH_FACIAL_MATCH).orElseThrow()
                .value(IdentityAssurance.formOf(ial));
        assertEquals(asserted, idToken.get("logingov_ial").asText());
        assertEquals(aal.isEmpty() ? DEFAULT_AAL : aal, idToken.get("logingov_aal").asText());
    }

    @Test
    void a_legacy_value_is_accepted_with_a_warning_in_the_log() {
        realm.updateIdentityProvider(Map.of("logingovIal", "http://idmanagement.gov/ns/assurance/ial/2"));

        String log = ServerLog.content();
        assertTrue(log.contains("uses deprecated acr value(s) http://idmanagement.gov/ns/assurance/ial/2"),
                "the server log must warn about the legacy value");
    }

    @ParameterizedTest(name = "acr_values={0}")
    @CsvSource(delimiter = '|', value = {
            "auth-only             | " + AUTH_ONLY + "                       | auth-only",
            "phishing-resistant    | " + AUTH_ONLY + " " + PHISHING_RESISTANT + " | phishing-resistant",
            "piv-cac               | " + AUTH_ONLY + " " + PIV_CAC + "           | piv-cac",
            "verified              | " + VERIFIED + "                        | verified",
            "verified-facial-match | " + FACIAL_MATCH + "                    | verified-facial-match",
            // Several names mean "any of these": Keycloak asks for the lowest-numbered.
            "piv-cac verified      | " + AUTH_ONLY + " " + PIV_CAC + "           | piv-cac"})
    void an_application_asks_for_a_level_by_the_realms_name_and_gets_it_in_its_token(
            String requested, String sentToLoginGov, String acrInToken) {
        JsonNode idToken = signIn(new SignInFlow(realm), Map.of("acr_values", requested));

        assertEquals(sentToLoginGov, lastAuthorization().parameter("acr_values"));
        assertEquals(acrInToken, idToken.get("acr").asText());
    }

    @Test
    void an_essential_acr_claim_is_a_request_too() {
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"verified-facial-match\"]}}}";

        JsonNode idToken = signIn(new SignInFlow(realm), Map.of("claims", claims));

        assertEquals(FACIAL_MATCH, lastAuthorization().parameter("acr_values"));
        assertEquals("verified-facial-match", idToken.get("acr").asText());
        assertEquals(FACIAL_MATCH, idToken.get("logingov_ial").asText());
    }

    @Test
    void a_clients_default_acr_is_a_request_too() {
        ClientRepresentation app = appClient();
        app.getAttributes().put("default.acr.values", "phishing-resistant");
        realm.resource().clients().get(app.getId()).update(app);
        try {
            JsonNode idToken = signIn(new SignInFlow(realm), Map.of());

            assertEquals(AUTH_ONLY + " " + PHISHING_RESISTANT, lastAuthorization().parameter("acr_values"));
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

        JsonNode idToken = signIn(new SignInFlow(realm), Map.of());

        assertEquals(AUTH_ONLY, lastAuthorization().parameter("acr_values"));
        assertEquals("auth-only", idToken.get("acr").asText());
        assertEquals(AUTH_ONLY, idToken.get("logingov_ial").asText());
        assertEquals(DEFAULT_AAL, idToken.get("logingov_aal").asText());

        // With a verified default, the token names the highest level of the realm's map that Login.gov's answer meets.
        realm.updateIdentityProvider(Map.of("logingovIal", VERIFIED));
        JsonNode verified = signIn(new SignInFlow(realm), Map.of());
        assertEquals(VERIFIED, lastAuthorization().parameter("acr_values"));
        assertEquals("verified", verified.get("acr").asText());
    }

    @Test
    void the_default_level_is_a_floor_on_both_axes() {
        realm.updateIdentityProvider(Map.of("logingovIal", VERIFIED, "logingovAal", AAL2));

        signIn(new SignInFlow(realm), Map.of("acr_values", "auth-only"));
        assertEquals(VERIFIED + " " + AAL2, lastAuthorization().parameter("acr_values"));

        signIn(new SignInFlow(realm), Map.of("acr_values", "piv-cac"));
        assertEquals(VERIFIED + " " + PIV_CAC, lastAuthorization().parameter("acr_values"));

        signIn(new SignInFlow(realm), Map.of("acr_values", "verified-facial-match"));
        assertEquals(FACIAL_MATCH + " " + AAL2, lastAuthorization().parameter("acr_values"));
    }

    @Test
    void an_administrators_own_level_name_is_honoured() {
        realm.updateIdentityProvider(Map.of("logingovAcrNames", "{\"gold\": \"" + VERIFIED + " " + PHISHING_RESISTANT + "\"}"));
        var representation = realm.resource().toRepresentation();
        String shipped = representation.getAttributes().get("acr.loa.map");
        representation.getAttributes().put("acr.loa.map", shipped.replace("}", ",\"gold\":6}"));
        realm.resource().update(representation);
        try {
            JsonNode idToken = signIn(new SignInFlow(realm), Map.of("acr_values", "gold"));

            assertEquals(VERIFIED + " " + PHISHING_RESISTANT, lastAuthorization().parameter("acr_values"));
            assertEquals("gold", idToken.get("acr").asText());
        } finally {
            representation.getAttributes().put("acr.loa.map", shipped);
            realm.resource().update(representation);
        }
    }

    @Test
    void verified_only_scopes_are_sent_only_with_a_verified_level() {
        realm.updateIdentityProvider(Map.of("logingovAttributes", "email##name##address##verified_at"));
        assertEquals("openid email profile:name address profile:verified_at", realm.identityProvider().getConfig().get("defaultScope"),
                "the scopes derived from the attributes are shown in the stock Scopes field");

        signIn(new SignInFlow(realm), Map.of());
        assertEquals("openid email profile:verified_at", lastAuthorization().parameter("scope"));

        signIn(new SignInFlow(realm), Map.of("acr_values", "verified"));
        assertEquals("openid email profile:name address profile:verified_at", lastAuthorization().parameter("scope"));
    }

    @Test
    void a_level_the_registration_does_not_permit_fails_before_leaving_keycloak() {
        BrokerRealm authOnly = BrokerRealm.forTestClass(admin, urls.getBase(), "assurance-authonly", Registration.AUTH_ONLY);
        authOnly.resource().clearEvents();

        HttpBrowser.Page page = new SignInFlow(authOnly).signIn(Map.of("acr_values", "verified"));

        FailedSignIn.assertFailurePage(page);
        assertTrue(simulator.recorder().authorizations().isEmpty(), "nobody may be sent to Login.gov");
        assertTrue(FailedSignIn.loginErrorEvent(authOnly).getDetails().get("reason").contains("registered for authentication only"));
        FailedSignIn.assertNoUser(authOnly);
    }

    // ---- checking what comes back ------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a lower acr                      | acr  | " + AUTH_ONLY + " | does not meet the requested " + VERIFIED,
            "no acr                           | none |                   | returned no acr",
            "an unknown acr                   | acr  | urn:acr.login.gov:gold | cannot accept ('urn:acr.login.gov:gold')",
            "a legacy acr for a semantic request | acr | http://idmanagement.gov/ns/assurance/ial/2 | cannot accept",
            "facial match asked, verified returned | facial | " + VERIFIED + " | does not meet the requested " + FACIAL_MATCH,
            "a different aal                  | aal  | " + AAL2 + "      | not the requested " + DEFAULT_AAL})
    void an_answer_that_does_not_meet_the_request_fails_with_no_user(String name, String fault, String value, String reason) {
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

        FailedSignIn.assertFailurePage(page);
        EventRepresentation event = FailedSignIn.loginErrorEvent(realm);
        assertTrue(event.getDetails().get("reason").contains(reason), () -> name + ": " + event.getDetails());
        FailedSignIn.assertNoUser(realm);
    }

    @Test
    void a_different_aal_fails_when_one_was_requested_too() {
        simulator.faults().overrideNextAal(AAL2);

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of("acr_values", "piv-cac"));

        FailedSignIn.assertFailurePage(page);
        assertTrue(FailedSignIn.loginErrorEvent(realm).getDetails().get("reason").contains("not the requested " + PIV_CAC));
        FailedSignIn.assertNoUser(realm);
    }

    // ---- step-up -----------------------------------------------------------------------------

    @Test
    void step_up_from_auth_only_to_verified_happens_in_one_browser_session() {
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);

        JsonNode first = signIn(flow, Map.of());
        assertEquals("auth-only", first.get("acr").asText());
        assertEquals(AUTH_ONLY, first.get("logingov_ial").asText());

        HttpBrowser.Page stepUp = flow.authorize(Map.of("acr_values", "verified"));
        assertTrue(stepUp.isRedirect() && stepUp.location().getPath().endsWith("/broker/" + BrokerRealm.ALIAS + "/login"),
                () -> "the person must go straight back to Login.gov, not to " + stepUp);
        JsonNode second = tokenClaims(flow, flow.continueToApplication(stepUp));

        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size());
        assertEquals(VERIFIED, authorizations.get(1).parameter("acr_values"));
        assertEquals("verified", second.get("acr").asText());
        assertEquals(VERIFIED, second.get("logingov_ial").asText());
        assertEquals(first.get("sub").asText(), second.get("sub").asText(), "the same Keycloak user");
        assertEquals(first.get("sid").asText(), second.get("sid").asText(), "the same Keycloak session, raised");
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size());
        List<FederatedIdentityRepresentation> links = realm.resource().users().get(users.get(0).getId()).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals(BrokerRealm.ALIAS, links.get(0).getIdentityProvider());
    }

    @Test
    void a_level_the_session_already_has_does_not_leave_keycloak() {
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);
        signIn(flow, Map.of("acr_values", "verified"));

        for (String level : List.of("verified", "auth-only")) {
            HttpBrowser.Page answer = flow.authorize(Map.of("acr_values", level));
            assertTrue(answer.isRedirect() && SignInFlow.isApplication(answer.location()),
                    () -> "single sign-on expected for " + level + ", got " + answer);
            assertEquals(level, tokenClaims(flow, answer).get("acr").asText());
        }
        assertEquals(1, simulator.recorder().authorizations().size(), "Login.gov was asked once");
    }

    @Test
    void step_up_on_one_axis_keeps_the_other() {
        simulator.setAutoPersona("verified");
        SignInFlow flow = new SignInFlow(realm);
        signIn(flow, Map.of("acr_values", "verified"));

        JsonNode raised = tokenClaims(flow, flow.continueToApplication(flow.authorize(Map.of("acr_values", "piv-cac"))));

        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size());
        assertEquals(VERIFIED + " " + PIV_CAC, authorizations.get(1).parameter("acr_values"));
        assertEquals("piv-cac", raised.get("acr").asText());
        assertEquals(VERIFIED, raised.get("logingov_ial").asText());
        assertEquals(PIV_CAC, raised.get("logingov_aal").asText());
    }

    @Test
    void a_passive_request_for_a_higher_level_answers_login_required() {
        SignInFlow flow = new SignInFlow(realm);
        signIn(flow, Map.of());

        HttpBrowser.Page answer = flow.authorize(Map.of("acr_values", "verified", "prompt", "none"));

        assertTrue(answer.isRedirect() && SignInFlow.isApplication(answer.location()), () -> answer.toString());
        assertEquals("login_required", answer.locationQuery().get("error"));
        assertEquals(1, simulator.recorder().authorizations().size());
    }

    // ---- helpers -------------------------------------------------------------------------------

    RecordedAuthorization lastAuthorization() {
        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertFalse(authorizations.isEmpty(), "nothing reached the simulator");
        return authorizations.get(authorizations.size() - 1);
    }

    ClientRepresentation appClient() {
        return realm.resource().clients().findByClientId(BrokerRealm.APP_CLIENT_ID).get(0);
    }

    /** A whole sign-in from the application's request; answers the claims of the id_token Keycloak issued. */
    JsonNode signIn(SignInFlow flow, Map<String, String> parameters) {
        return tokenClaims(flow, flow.signIn(parameters));
    }

    static JsonNode tokenClaims(SignInFlow flow, HttpBrowser.Page end) {
        assertTrue(end.isRedirect() && SignInFlow.isApplication(end.location()), () -> "sign-in did not reach the app: " + end
                + (end.body() == null ? "" : "\n" + end.body()));
        return flow.exchangeCodeClaims(end.locationQuery().get("code"));
    }
}
