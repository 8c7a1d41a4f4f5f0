package io.github.kclogingov.demo.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.simulator.SelfSignedKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.rotation.KeyLocator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SamlResponseCheckTest {
    private static final SamlLevel VERIFIED = new SamlLevel("verified", "urn:acr.login.gov:verified");

    private final KeycloakLikeIdp idp = new KeycloakLikeIdp();
    private final KeyLocator realmKeys = new HardcodedKeyLocator(idp.key.publicKey());
    private final SamlResponseCheck check = new SamlResponseCheck(KeycloakLikeIdp.settings());
    private final SpSession session = new SpSession();

    SamlResponseCheckTest() {
        session.sent("ID_request", Optional.of(VERIFIED), Instant.now());
    }

    private SamlResponseCheck.Outcome check(String posted) throws SamlProblem {
        return check.check(posted, realmKeys, id -> session.answered(id, Instant.now()));
    }

    private String signedIn(String requestId) throws Exception {
        return KeycloakLikeIdp.post(
                idp.signIn(requestId, KeycloakLikeIdp.ENTITY_ID, VERIFIED.classRef()), idp.key, true);
    }

    @Test
    void a_signed_answer_to_our_request_gives_the_name_id_attributes_and_class_ref() throws Exception {
        SamlResponseCheck.SignedIn signedIn = (SamlResponseCheck.SignedIn) check(signedIn("ID_request"));

        assertEquals("jane.doe", signedIn.signIn().nameId());
        assertEquals(List.of("jane@example.com"), signedIn.signIn().attributes().get("email"));
        assertEquals("urn:acr.login.gov:verified", signedIn.signIn().authnContextClassRef());
        assertEquals("session-1", signedIn.signIn().sessionIndex());
        assertEquals(VERIFIED, signedIn.requested());
    }

    @Test
    void the_same_response_twice_is_refused_the_second_time() throws Exception {
        String posted = signedIn("ID_request");
        check(posted);

        SamlProblem replay = assertThrows(SamlProblem.class, () -> check(posted));
        assertTrue(replay.getMessage().contains("does not answer a sign-in this browser started"), replay.getMessage());
    }

    @Test
    void an_answer_to_a_request_this_browser_did_not_send_is_refused() throws Exception {
        SamlProblem problem = assertThrows(SamlProblem.class, () -> check(signedIn("ID_someone_else")));
        assertTrue(problem.getMessage().contains("does not answer a sign-in"), problem.getMessage());
    }

    @Test
    void an_unsigned_response_is_refused() throws Exception {
        String posted = KeycloakLikeIdp.unsigned(idp.signIn("ID_request", KeycloakLikeIdp.ENTITY_ID, null));

        SamlProblem problem = assertThrows(SamlProblem.class, () -> check(posted));
        assertEquals("The response is not signed.", problem.getMessage());
    }

    @Test
    void a_response_whose_assertion_is_not_signed_is_refused() throws Exception {
        String posted = KeycloakLikeIdp.post(idp.signIn("ID_request", KeycloakLikeIdp.ENTITY_ID, null), idp.key, false);

        SamlProblem problem = assertThrows(SamlProblem.class, () -> check(posted));
        assertEquals("The response's assertion is not signed.", problem.getMessage());
    }

    @Test
    void a_response_signed_by_another_key_is_refused() throws Exception {
        SelfSignedKey stranger = SelfSignedKey.generate("CN=not the realm");
        String posted = KeycloakLikeIdp.post(idp.signIn("ID_request", KeycloakLikeIdp.ENTITY_ID, null), stranger, true);

        SamlProblem problem = assertThrows(SamlProblem.class, () -> check(posted));
        assertTrue(problem.getMessage().startsWith("A signature of the response"), problem.getMessage());
    }

    @Test
    void a_response_changed_after_signing_is_refused() throws Exception {
        String posted = signedIn("ID_request");
        Document document = org.keycloak.saml.common.util.DocumentUtil.getDocument(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(posted)));
        Element value = (Element) document.getElementsByTagNameNS(SignedDocument.ASSERTION, "AttributeValue")
                .item(0);
        value.setTextContent("mallory@example.com");

        SamlProblem problem = assertThrows(SamlProblem.class, () -> check(KeycloakLikeIdp.unsigned(document)));
        assertTrue(problem.getMessage().startsWith("A signature of the response"), problem.getMessage());
    }

    @Test
    void an_assertion_for_another_service_provider_is_refused() throws Exception {
        String posted = KeycloakLikeIdp.post(idp.signIn("ID_request", "another-app", null), idp.key, true);

        SamlProblem problem = assertThrows(SamlProblem.class, () -> check(posted));
        assertTrue(problem.getMessage().contains("not addressed to this service provider"), problem.getMessage());
    }

    @Test
    void a_no_authn_context_status_names_the_level_asked_for() throws Exception {
        String posted = KeycloakLikeIdp.post(idp.noAuthnContext("ID_request"), idp.key, false);

        SamlResponseCheck.NotSignedIn refused = (SamlResponseCheck.NotSignedIn) check(posted);

        assertTrue(refused.status().noAuthnContext(), refused.status().toString());
        assertEquals(VERIFIED, refused.status().requested());
        String page = SpPages.notSignedIn(refused.status());
        assertTrue(page.contains("Keycloak could not meet the level verified (urn:acr.login.gov:verified)"), page);
    }

    @Test
    void what_is_not_base64_xml_is_a_problem_not_an_exception() {
        assertEquals(
                "The SAMLResponse is not XML.",
                assertThrows(SamlProblem.class, () -> check("bm90IHhtbA==")).getMessage());
        assertEquals(
                "Nothing was posted: the request carries no SAMLResponse.",
                assertThrows(SamlProblem.class, () -> check(null)).getMessage());
    }

    @Test
    void a_sign_in_without_a_level_keeps_keycloaks_unspecified_class_ref() throws Exception {
        String posted = KeycloakLikeIdp.post(idp.signIn("ID_request", KeycloakLikeIdp.ENTITY_ID, null), idp.key, true);

        assertEquals(
                "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified",
                ((SamlResponseCheck.SignedIn) check(posted)).signIn().authnContextClassRef());
    }
}
