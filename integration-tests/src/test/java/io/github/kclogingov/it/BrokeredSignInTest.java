package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovLogout;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Persona;
import io.github.kclogingov.simulator.RecordedAuthorization;
import io.github.kclogingov.simulator.RecordedLogout;
import io.github.kclogingov.simulator.RecordedTokenRequest;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** The whole brokered sign-in: application → Keycloak → Login.gov (simulator) → Keycloak → application. */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class BrokeredSignInTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("signin", Registration.VERIFIED);
        realm.reset("verified");
    }

    @Test
    void a_person_signs_in_to_the_application_through_login_gov() {
        SignInFlow flow = new SignInFlow(realm);
        // The application asks for an acr Login.gov does not know and a Spanish page.
        HttpBrowser.Page toLoginGov =
                flow.pressLoginGov(flow.openLoginPage(Map.of("acr_values", "gold", "ui_locales", "es")));
        assertTrue(
                toLoginGov.location().toString().startsWith(simulator.issuer() + "openid_connect/authorize?"),
                () -> "the button must lead to Login.gov's authorize endpoint, not " + toLoginGov.location());
        HttpBrowser.Page end = flow.continueToApplication(toLoginGov);

        assertTrue(
                end.isRedirect() && SignInFlow.isApplication(end.location()),
                () -> "sign-in did not reach the app: " + end);
        String code = end.locationQuery().get("code");
        assertNotNull(code);
        JsonNode tokens = flow.exchangeCode(code);
        assertNotNull(tokens.get("id_token"));

        // What Login.gov received: its own rules, nothing of the application's raw request.
        RecordedAuthorization authorization =
                simulator.recorder().authorizations().get(0);
        assertEquals(RecordedAuthorization.Outcome.REDIRECTED_WITH_CODE, authorization.outcome());
        assertEquals(realm.loginGovClientId(), authorization.parameter("client_id"));
        assertEquals(realm.brokerEndpoint(BrokerRealm.ALIAS), authorization.parameter("redirect_uri"));
        assertEquals("code", authorization.parameter("response_type"));
        assertEquals("urn:acr.login.gov:auth-only", authorization.parameter("acr_values"));
        assertEquals("select_account", authorization.parameter("prompt"));
        // The shipped realm receives every attribute but the SSN; at auth-only the verified-only ones stay home.
        assertEquals(
                "openid email all_emails locale profile:verified_at x509:subject x509:issuer x509:presented",
                authorization.parameter("scope"));
        assertEquals("es", authorization.parameter("locale"));
        assertTrue(authorization.parameter("state").length() >= LoginGovProtocol.MIN_STATE_LENGTH);
        assertTrue(authorization.parameter("nonce").length() >= LoginGovProtocol.MIN_NONCE_LENGTH);
        assertEquals("S256", authorization.parameter("code_challenge_method"));
        assertNotNull(authorization.parameter("code_challenge"));
        assertNull(authorization.parameter("ui_locales"));

        // The user Keycloak created: linked by Login.gov's sub, email imported.
        Persona verified = persona("verified");
        List<UserRepresentation> users = realm.resource().users().searchByEmail(verified.email(), true);
        assertEquals(1, users.size());
        List<FederatedIdentityRepresentation> links =
                realm.resource().users().get(users.get(0).getId()).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals(BrokerRealm.ALIAS, links.get(0).getIdentityProvider());
        assertEquals(
                simulator.subjectOf("verified", realm.loginGovClientId()),
                links.get(0).getUserId());
        assertEquals(
                users.get(0).getId(),
                SignInFlow.claims(tokens.get("id_token").asText()).get("sub").asText());
    }

    @Test
    void the_login_page_offers_login_gov_with_its_own_wording() {
        HttpBrowser.Page english = new SignInFlow(realm).openLoginPage(Map.of());
        assertTrue(english.contains("Sign in with Login.gov"), english::body);
        assertTrue(english.contains("What is Login.gov?"), english::body);
        HttpBrowser.Page spanish = new SignInFlow(realm).openLoginPage(Map.of("ui_locales", "es"));
        assertTrue(spanish.contains("Inicie sesión con Login.gov"), spanish::body);
    }

    @Test
    void the_token_call_is_authenticated_by_the_dedicated_key_and_never_the_realm_key() throws Exception {
        HttpBrowser.Page end = new SignInFlow(realm).signIn(Map.of());
        assertTrue(SignInFlow.isApplication(end.location()), () -> "sign-in failed: " + end);

        RecordedTokenRequest token = simulator.recorder().tokenRequests().get(0);
        assertEquals(200, token.status());
        assertEquals(LoginGovProtocol.CLIENT_ASSERTION_TYPE_JWT_BEARER, token.parameter("client_assertion_type"));
        assertNotNull(token.parameter("code_verifier"), "PKCE is sent alongside private_key_jwt");
        assertNull(token.parameter("client_secret"));
        assertEquals("RS256", token.assertionHeader().get("alg"));
        assertEquals(BrokerRealm.KEY_ID, token.assertionHeader().get("kid"));
        Map<String, Object> claims = token.assertionClaims();
        assertEquals(realm.loginGovClientId(), claims.get("iss"));
        assertEquals(realm.loginGovClientId(), claims.get("sub"));
        Object audience = claims.get("aud");
        assertEquals(
                simulator.issuer() + "api/openid_connect/token",
                audience instanceof List<?> list ? list.get(0) : audience);
        assertNotNull(claims.get("jti"));
        long exp = ((Number) claims.get("exp")).longValue();
        assertTrue(exp <= Instant.now().getEpochSecond() + LoginGovProtocol.MAX_CLIENT_ASSERTION_LIFETIME.getSeconds());
        assertEquals(0, token.verifiedByCertificate(), "the simulator verified it with the registered certificate");

        SignedJWT assertion = SignedJWT.parse(token.clientAssertion());
        assertTrue(
                assertion.verify(new RSASSAVerifier(realm.clientAssertionKey().publicKey())),
                "signed by the key dedicated to Login.gov");
        assertFalse(
                assertion.verify(new RSASSAVerifier(realmActiveSigningKey())),
                "the realm's active key, which signs Keycloak's own tokens, must not sign it");
    }

    @Test
    void signing_in_again_finds_the_same_user() {
        assertTrue(
                SignInFlow.isApplication(new SignInFlow(realm).signIn(Map.of()).location()));
        assertTrue(
                SignInFlow.isApplication(new SignInFlow(realm).signIn(Map.of()).location()));
        assertEquals(
                1,
                realm.resource()
                        .users()
                        .searchByEmail(persona("verified").email(), true)
                        .size());
    }

    @Test
    void logout_goes_through_login_gov_with_client_id_and_comes_back() {
        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page end = flow.signIn(Map.of());
        String idToken = flow.exchangeCode(end.locationQuery().get("code"))
                .get("id_token")
                .asText();
        String userId = SignInFlow.claims(idToken).get("sub").asText();
        int sessionsBefore =
                realm.resource().users().get(userId).getUserSessions().size();

        HttpBrowser.Page logout = flow.openApplicationLogout(idToken);
        HttpBrowser.Page confirmation = flow.continueToApplication(logout);
        assertTrue(
                LoginGovLogout.isConfirmation(confirmation),
                () -> "Login.gov asks a signed-in person before returning: " + confirmation);
        assertEquals(
                RecordedLogout.Outcome.CONFIRMATION_SHOWN,
                simulator.recorder().logouts().get(0).outcome(),
                "nothing returns to Keycloak before the person answers");
        HttpBrowser.Page back = flow.signOutToApplication(confirmation);

        assertTrue(
                back.isRedirect() && SignInFlow.isApplication(back.location()),
                () -> "logout did not come back: " + back);
        assertEquals("app-logout-state", back.locationQuery().get("state"));
        RecordedLogout atLoginGov = simulator.recorder().logouts().get(0);
        assertEquals(realm.loginGovClientId(), atLoginGov.parameter("client_id"));
        assertNull(atLoginGov.parameter("id_token_hint"), "Login.gov rejects id_token_hint");
        assertEquals(
                realm.brokerEndpoint(BrokerRealm.ALIAS) + "/logout_response",
                atLoginGov.parameter("post_logout_redirect_uri"));
        assertTrue(atLoginGov.parameter("state").length() >= LoginGovProtocol.MIN_STATE_LENGTH);
        assertEquals(RecordedLogout.Outcome.CONFIRMED, atLoginGov.outcome(), "the person pressed \"Yes, sign out\"");
        assertEquals(
                sessionsBefore - 1,
                realm.resource().users().get(userId).getUserSessions().size(),
                "the session is gone from Keycloak");
    }

    RSAPublicKey realmActiveSigningKey() throws Exception {
        KeysMetadataRepresentation keys = realm.resource().keys().getKeyMetadata();
        String kid = keys.getActive().get("RS256");
        String publicKey = keys.getKeys().stream()
                .filter(k -> kid.equals(k.getKid()))
                .findFirst()
                .orElseThrow()
                .getPublicKey();
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    }
}
