package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.Levels.AUTH_ONLY;
import static io.github.kclogingov.it.support.Levels.PHISHING_RESISTANT;
import static io.github.kclogingov.it.support.Levels.PIV_CAC;
import static io.github.kclogingov.it.support.Levels.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.demo.saml.SamlRealmLevels;
import io.github.kclogingov.demo.saml.SamlSp;
import io.github.kclogingov.demo.saml.SamlSpSettings;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.FreePorts;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.KeycloakUnderTest;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SamlSignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.AuthorizationFault;
import io.github.kclogingov.simulator.RecordedAuthorization;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * A SAML application at a level, through the shipped realm's SAML client {@code demo-saml-app} and
 * its class refs ({@code acr.uri.map}): the demo SAML application (its own code, in this JVM) asks
 * with {@code RequestedAuthnContext}, Keycloak brokers Login.gov (the simulator), and the
 * application checks the signed response and shows the assertion. Keycloak 26.7 only: 26.5.6 has no
 * step-up for SAML clients, so there the class is skipped (after the realm, SAML client included,
 * was imported, which must still work).
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class SamlApplicationTest extends BrokerIntegrationTest {
    private static final String CLIENT_ID = "demo-saml-app";
    private static SamlSp sp;

    @BeforeEach
    void realmAndApplication() throws IOException {
        realm = realmOfThisClass("saml-app", Registration.VERIFIED);
        Assumptions.assumeTrue(
                KeycloakUnderTest.supportsSamlLevels(),
                "Keycloak " + KeycloakUnderTest.version() + " has no step-up for SAML clients"
                        + " (feature step-up-authentication-saml and acr.uri.map came with 26.7)");
        realm.reset("verified");
        if (sp == null) {
            int port = FreePorts.next();
            String url = "http://localhost:" + port + "/";
            sp = SamlSp.start(
                    new SamlSpSettings(
                            URI.create(url),
                            CLIENT_ID,
                            realm.realmUrl(),
                            SamlRealmLevels.fromRealmFile(Path.of("../realm-export/logingov-demo-realm.json"))),
                    port);
            // The shipped client names the demo's port 8083; this application listens on a free one.
            ClientRepresentation client =
                    realm.resource().clients().findByClientId(CLIENT_ID).get(0);
            client.setRedirectUris(List.of(url + "*"));
            client.getAttributes().put("saml_assertion_consumer_url_post", url + "saml/acs");
            client.getAttributes().put("saml_single_logout_service_url_redirect", url + "saml/logout");
            realm.resource().clients().get(client.getId()).update(client);
        }
    }

    @AfterAll
    static void stopApplication() {
        if (sp != null) {
            sp.close();
            sp = null;
        }
    }

    @ParameterizedTest(name = "{0} as persona {1}")
    @CsvSource({
        "auth-only,             verified,     urn:acr.login.gov:auth-only,                         urn:acr.login.gov:auth-only",
        "verified,              verified,     urn:acr.login.gov:verified,                          urn:acr.login.gov:verified",
        "verified-facial-match, facial-match, urn:acr.login.gov:verified-facial-match-required,    urn:acr.login.gov:verified-facial-match-required",
        "phishing-resistant,    piv-cac,      https://kclogingov.github.io/ns/acr/phishing-resistant, urn:acr.login.gov:auth-only",
        "piv-cac,               piv-cac,      https://kclogingov.github.io/ns/acr/piv-cac,         urn:acr.login.gov:auth-only"
    })
    void each_level_comes_back_as_its_class_ref(String level, String persona, String classRef, String ial) {
        simulator.setAutoPersona(persona);

        Map<String, String> page = SamlSignInFlow.values(new SamlSignInFlow(sp).press(level));

        assertEquals(classRef, page.get("class-ref"), page::toString);
        assertEquals(level, page.get("level-reached"));
        assertEquals(ial, page.get("attribute-logingov_ial"), "the IAL Login.gov asserted, as a SAML attribute");
        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(1, authorizations.size());
        String expectedAcrValues = switch (level) {
            case "phishing-resistant" -> AUTH_ONLY + " " + PHISHING_RESISTANT;
            case "piv-cac" -> AUTH_ONLY + " " + PIV_CAC;
            default -> ial;
        };
        assertEquals(expectedAcrValues, authorizations.get(0).parameter("acr_values"), "what Login.gov was asked for");
    }

    @Test
    void the_assertion_carries_the_mapped_attributes_and_the_name_id() {
        simulator.setAutoPersona("verified");

        HttpBrowser.Page end = new SamlSignInFlow(sp).press("verified");
        Map<String, String> page = SamlSignInFlow.values(end);

        String username = realm.resource().users().list().get(0).getUsername();
        assertEquals(username, page.get("name-id"), "NameID format username");
        assertEquals("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified", page.get("name-id-format"));
        var person = simulator.personas().stream()
                .filter(p -> p.id().equals("verified"))
                .findFirst()
                .orElseThrow();
        assertEquals(person.email(), page.get("attribute-email"));
        assertEquals(person.givenName(), page.get("attribute-firstName"));
        assertEquals(person.familyName(), page.get("attribute-lastName"));
        assertEquals(person.birthdate().toString(), page.get("attribute-birthdate"));
        assertEquals(VERIFIED, page.get("attribute-logingov_ial"));
        assertTrue(page.containsKey("attribute-logingov_verified_at"), page::toString);
        assertTrue(page.containsKey("attribute-logingov_aal"), page::toString);
        assertEquals(
                java.util.Set.of(
                        "attribute-email",
                        "attribute-firstName",
                        "attribute-lastName",
                        "attribute-birthdate",
                        "attribute-logingov_verified_at",
                        "attribute-logingov_ial",
                        "attribute-logingov_aal"),
                page.keySet().stream()
                        .filter(id -> id.startsWith("attribute-"))
                        .collect(java.util.stream.Collectors.toSet()),
                "the client's mappers, and nothing else (no Role list)");
    }

    @Test
    void step_up_from_auth_only_to_verified_happens_in_one_browser_session() {
        simulator.setAutoPersona("verified");
        SamlSignInFlow flow = new SamlSignInFlow(sp);

        Map<String, String> first = SamlSignInFlow.values(flow.press("auth-only"));
        Map<String, String> second = SamlSignInFlow.values(flow.press("verified"));

        assertEquals(AUTH_ONLY, first.get("class-ref"));
        assertEquals(VERIFIED, second.get("class-ref"));
        assertEquals(VERIFIED, second.get("attribute-logingov_ial"));
        assertEquals(first.get("name-id"), second.get("name-id"), "the same Keycloak user");
        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size(), "Login.gov was asked again for the higher level");
        assertEquals(VERIFIED, authorizations.get(1).parameter("acr_values"));
        assertEquals(1, realm.resource().users().list().size());

        // A level the session has now stays in Keycloak: no third visit to Login.gov.
        Map<String, String> third = SamlSignInFlow.values(flow.press("auth-only"));
        assertEquals(AUTH_ONLY, third.get("class-ref"));
        assertEquals(2, simulator.recorder().authorizations().size());
    }

    @Test
    void cancel_at_login_gov_during_a_step_up_answers_the_application_and_keeps_the_session() {
        simulator.setAutoPersona("verified");
        SamlSignInFlow flow = new SamlSignInFlow(sp);
        Map<String, String> first = SamlSignInFlow.values(flow.press("auth-only"));
        assertEquals(AUTH_ONLY, first.get("class-ref"));

        simulator.faults().nextAuthorization(AuthorizationFault.CANCEL);
        HttpBrowser.Page cancelled = flow.press("verified");

        // Keycloak's SAML answer to a cancelled sign-in, never its password page.
        Map<String, String> answer = SamlSignInFlow.values(cancelled);
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Responder", answer.get("status-code"), cancelled::body);
        assertEquals(
                "urn:oasis:names:tc:SAML:2.0:status:RequestDenied", answer.get("status-sub-code"), cancelled::body);
        assertTrue(cancelled.contains("cancelled or refused"), cancelled::body);
        assertEquals(2, simulator.recorder().authorizations().size(), "Login.gov was asked for verified once");

        // The session kept its level and its user: auth-only again needs no visit to Login.gov.
        Map<String, String> again = SamlSignInFlow.values(flow.press("auth-only"));
        assertEquals(AUTH_ONLY, again.get("class-ref"));
        assertEquals(first.get("name-id"), again.get("name-id"));
        assertEquals(2, simulator.recorder().authorizations().size());
        assertEquals(1, realm.resource().users().list().size());
    }

    @Test
    void sign_out_ends_the_keycloak_session_so_the_next_sign_in_goes_to_login_gov_again() {
        simulator.setAutoPersona("verified");
        SamlSignInFlow flow = new SamlSignInFlow(sp);
        flow.press("auth-only");

        HttpBrowser.Page signedOut = flow.signOut();

        assertTrue(signedOut.uri().getPath().endsWith("/saml/logout"), () -> signedOut.uri() + "\n" + signedOut.body());
        assertTrue(signedOut.body().contains("You are signed out of this application, of Keycloak and of Login.gov."));
        assertEquals(
                0,
                realm.resource()
                        .users()
                        .get(realm.resource().users().list().get(0).getId())
                        .getUserSessions()
                        .size(),
                "Keycloak's session is gone");
        assertEquals(AUTH_ONLY, SamlSignInFlow.values(flow.press("auth-only")).get("class-ref"));
        assertEquals(2, simulator.recorder().authorizations().size(), "signed in at Login.gov again");
    }

    @Test
    void a_sign_in_without_a_level_gets_the_class_ref_of_the_level_reached() {
        simulator.setAutoPersona("verified");

        Map<String, String> page = SamlSignInFlow.values(new SamlSignInFlow(sp).press(""));

        assertEquals("no level", page.get("level-asked"));
        assertEquals(AUTH_ONLY, page.get("class-ref"), "the provider's default level, auth-only");
    }

    @Test
    void a_class_ref_the_realm_does_not_map_is_refused_with_no_authn_context_before_login_gov() {
        HttpBrowser.Page end = new SamlSignInFlow(sp).press("unmapped");
        Map<String, String> page = SamlSignInFlow.values(end);

        assertEquals("urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext", page.get("status-sub-code"), end::body);
        assertTrue(end.body().contains("Keycloak could not meet the level not-configured"), end::body);
        assertEquals(0, simulator.recorder().authorizations().size(), "nobody was sent to Login.gov");
        assertEquals(0, realm.resource().users().list().size());
    }
}
