package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertFailurePage;
import static io.github.kclogingov.it.support.FailedSignIn.assertNoUser;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static io.github.kclogingov.it.support.Levels.AUTH_ONLY;
import static io.github.kclogingov.it.support.Levels.DEFAULT_AAL;
import static io.github.kclogingov.it.support.Levels.PIV_CAC;
import static io.github.kclogingov.it.support.Levels.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.IndependentOpenIdProvider;
import io.github.kclogingov.it.support.LoginGovPathFront.ForwardedRequest;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.Registration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The Login.gov provider against an OpenID provider nobody on this project wrote: NAV's
 * mock-oauth2-server 2.1.10 ({@link IndependentOpenIdProvider}), in a JVM of its own. The realm is
 * the shipped one, pointed at it through the provider's public settings only: environment {@code
 * custom} and its base URL ({@code http://localhost:<port>/}, loopback). Everything else is the
 * provider's own: the endpoints derived with Login.gov's paths, private_key_jwt signed by the
 * realm's dedicated key, PKCE, the checks of {@code iss} (with its trailing slash), RS256, {@code
 * kid}, {@code aud}, {@code nonce} and the level.
 *
 * <p>The adaptation, all of it outside the provider and outside mock-oauth2-server's code: a
 * front that maps Login.gov's five paths to mock-oauth2-server's and forwards bytes unchanged
 * ({@code LoginGovPathFront}), and mock-oauth2-server's own token-callback setting naming the
 * tokens' {@code iss} with Login.gov's trailing slash, which its path-derived issuer never has
 * (the details in {@link IndependentOpenIdProvider}).
 *
 * <p>What this provider cannot carry of Login.gov's rules, so that these tests do not exercise it:
 *
 * <ul>
 *   <li>No {@code at_hash} in its id_token: the provider's check of it (optional in the code flow,
 *       always sent by Login.gov) does not run here.
 *   <li>It cannot echo the requested AAL nor derive {@code acr} from the request: it asserts what the
 *       person types on its login page ({@code acr}, {@code ial}, {@code aal}, attributes), and the
 *       test types what Login.gov would.
 *   <li>It parses the client assertion but verifies neither its signature nor its audience (it has no
 *       registered certificate); the tests verify the assertion it received against the realm's key.
 *   <li>It checks PKCE (the S256 challenge the provider sends), but none of Login.gov's request rules
 *       (22-character state and nonce, {@code prompt}, registered redirect URIs, one IAL value), does
 *       not drop verified-only claims from an auth-only answer, and its {@code sub} is what the
 *       person types, not pairwise.
 *   <li>Its end-session endpoint redirects at once to any {@code post_logout_redirect_uri}, with no
 *       confirmation page and no check of {@code client_id}.
 *   <li>Its JWKS holds one key; its tokens last a fixed 900 s, not the rest of a Login.gov session.
 * </ul>
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class IndependentOpenIdProviderTest extends BrokerIntegrationTest {

    private static final String AUTHORIZE = "/" + LoginGovEndpoints.AUTHORIZATION_PATH;
    private static final String TOKEN = "/" + LoginGovEndpoints.TOKEN_PATH;
    private static final String USERINFO = "/" + LoginGovEndpoints.USERINFO_PATH;
    private static final String JWKS = "/" + LoginGovEndpoints.JWKS_PATH;
    private static final String LOGOUT = "/" + LoginGovEndpoints.LOGOUT_PATH;

    private static IndependentOpenIdProvider op;

    private final String subject = UUID.randomUUID().toString();

    @BeforeAll
    static void startTheProvider() {
        op = IndependentOpenIdProvider.start();
    }

    @AfterAll
    static void stopTheProvider() {
        if (op != null) {
            op.close();
        }
    }

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("independent-op", Registration.VERIFIED);
        if (!op.issuer().equals(realm.identityProvider().getConfig().get("logingovBaseUrl"))) {
            realm.updateIdentityProvider(Map.of("logingovEnvironment", "custom", "logingovBaseUrl", op.issuer()));
        }
        realm.resource()
                .users()
                .list()
                .forEach(user -> realm.resource().users().delete(user.getId()).close());
        realm.resource().clearEvents();
        op.front().clear();
    }

    @Test
    void a_person_signs_in_at_auth_only() throws Exception {
        SignInFlow flow = new SignInFlow(realm);

        JsonNode claims = flow.claimsAtApplication(signInAtTheProvider(flow, Map.of(), authOnly()));

        assertEquals("auth-only", claims.get("acr").asText());
        assertEquals(AUTH_ONLY, claims.get("logingov_ial").asText());
        assertEquals(DEFAULT_AAL, claims.get("logingov_aal").asText());
        UserRepresentation user = new Users(realm).onlyUser();
        assertEquals("pat.example@example.gov", user.getEmail());
        assertNull(user.getFirstName(), "no name at auth-only");
        List<FederatedIdentityRepresentation> links =
                realm.resource().users().get(user.getId()).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals(subject, links.get(0).getUserId(), "linked by the provider's sub");

        ForwardedRequest authorization = op.front().forwardedTo(AUTHORIZE).get(0);
        assertEquals(realm.loginGovClientId(), authorization.query().get("client_id"));
        assertEquals(
                realm.brokerEndpoint(BrokerRealm.ALIAS), authorization.query().get("redirect_uri"));
        assertEquals(AUTH_ONLY, authorization.query().get("acr_values"));
        assertEquals("select_account", authorization.query().get("prompt"));
        assertEquals("S256", authorization.query().get("code_challenge_method"));
        assertTrue(authorization.query().get("nonce").length() >= LoginGovProtocol.MIN_NONCE_LENGTH);
        assertTrue(authorization.query().get("state").length() >= LoginGovProtocol.MIN_STATE_LENGTH);

        ForwardedRequest token = op.front().forwardedTo(TOKEN).get(0);
        assertEquals(200, token.status());
        assertEquals(
                LoginGovProtocol.CLIENT_ASSERTION_TYPE_JWT_BEARER, token.form().get("client_assertion_type"));
        assertTrue(token.form().containsKey("code_verifier"), "PKCE beside private_key_jwt");
        assertNull(token.form().get("client_secret"));
        // mock-oauth2-server does not verify the assertion: this test does, as Login.gov would.
        SignedJWT assertion = SignedJWT.parse(token.form().get("client_assertion"));
        assertTrue(
                assertion.verify(new RSASSAVerifier(realm.clientAssertionKey().publicKey())));
        assertEquals("RS256", assertion.getHeader().getAlgorithm().getName());
        assertEquals(realm.loginGovClientId(), assertion.getJWTClaimsSet().getIssuer());
        assertEquals(realm.loginGovClientId(), assertion.getJWTClaimsSet().getSubject());
        assertEquals(
                List.of(op.issuer() + LoginGovEndpoints.TOKEN_PATH),
                assertion.getJWTClaimsSet().getAudience());
        assertEquals(200, op.front().forwardedTo(USERINFO).get(0).status(), "userinfo at Login.gov's path");
        // Keycloak caches the keys across this class's sign-ins: fetched once, by whichever test came first.
        assertEquals(200, op.front().everForwardedTo(JWKS).get(0).status(), "the keys at Login.gov's path");
    }

    @Test
    void a_person_signs_in_at_verified_and_the_attributes_reach_the_keycloak_user() {
        long verifiedAt = 1_700_000_000L;
        Map<String, Object> asserted = new LinkedHashMap<>(verified());
        asserted.putAll(Map.of(
                "given_name", "Pat",
                "family_name", "Example",
                "birthdate", "1970-01-02",
                "address",
                        Map.of(
                                "formatted", "1 Main St\nSpringfield, IL 62701",
                                "street_address", "1 Main St",
                                "locality", "Springfield",
                                "region", "IL",
                                "postal_code", "62701"),
                "phone", "+12025550100",
                "phone_verified", true,
                "verified_at", verifiedAt));
        SignInFlow flow = new SignInFlow(realm);

        JsonNode claims =
                flow.claimsAtApplication(signInAtTheProvider(flow, Map.of("acr_values", "verified"), asserted));

        assertEquals(VERIFIED, op.front().forwardedTo(AUTHORIZE).get(0).query().get("acr_values"));
        assertEquals("verified", claims.get("acr").asText());
        assertEquals(VERIFIED, claims.get("logingov_ial").asText());
        UserRepresentation user = new Users(realm).onlyUser();
        assertEquals("pat.example@example.gov", user.getEmail());
        assertEquals("Pat", user.getFirstName());
        assertEquals("Example", user.getLastName());
        Map<String, List<String>> attributes = user.getAttributes();
        assertEquals(List.of("pat.example@example.gov", "pat@example.com"), attributes.get("logingov_all_emails"));
        assertEquals(List.of("en"), attributes.get("logingov_locale"));
        assertEquals(List.of("1970-01-02"), attributes.get("birthdate"));
        assertEquals(List.of("1 Main St"), attributes.get("street"));
        assertEquals(List.of("Springfield"), attributes.get("locality"));
        assertEquals(List.of("IL"), attributes.get("region"));
        assertEquals(List.of("62701"), attributes.get("postal_code"));
        assertEquals(List.of("+12025550100"), attributes.get("phoneNumber"));
        assertEquals(List.of(Instant.ofEpochSecond(verifiedAt).toString()), attributes.get("logingov_verified_at"));
        assertEquals(List.of(VERIFIED), attributes.get("logingov_ial"));
    }

    @Test
    void an_id_token_with_every_promised_claim_needs_no_userinfo_call() {
        // Every claim the realm's scopes promise at auth-only, as Login.gov copies them into its
        // id_token (none null: this provider leaves a null claim out of its tokens).
        Map<String, Object> asserted = new LinkedHashMap<>(authOnly());
        asserted.put("verified_at", 1_700_000_000L);
        asserted.put("x509_subject", "C=US, O=U.S. Government, CN=PAT EXAMPLE");
        asserted.put("x509_issuer", "C=US, O=U.S. Government, CN=Example CA");
        asserted.put("x509_presented", true);
        SignInFlow flow = new SignInFlow(realm);

        JsonNode claims = flow.claimsAtApplication(signInAtTheProvider(flow, Map.of(), asserted));

        assertEquals(AUTH_ONLY, claims.get("logingov_ial").asText());
        assertTrue(op.front().forwardedTo(USERINFO).isEmpty(), "one call to the provider: the token call");
        UserRepresentation user = new Users(realm).onlyUser();
        assertEquals("pat.example@example.gov", user.getEmail());
        assertEquals(
                List.of("pat.example@example.gov", "pat@example.com"),
                user.getAttributes().get("logingov_all_emails"));
        assertEquals(List.of("true"), user.getAttributes().get("logingov_x509_presented"));
        assertEquals(
                List.of("C=US, O=U.S. Government, CN=PAT EXAMPLE"),
                user.getAttributes().get("logingov_x509_subject"));
    }

    @Test
    void step_up_from_auth_only_to_verified_raises_the_same_keycloak_session() {
        SignInFlow flow = new SignInFlow(realm);
        JsonNode first = flow.claimsAtApplication(signInAtTheProvider(flow, Map.of(), authOnly()));
        assertEquals("auth-only", first.get("acr").asText());

        HttpBrowser.Page stepUp = flow.authorize(Map.of("acr_values", "verified"));
        assertTrue(
                stepUp.isRedirect() && stepUp.location().getPath().endsWith("/broker/" + BrokerRealm.ALIAS + "/login"),
                () -> "the person must go straight back to the provider, not to " + stepUp);
        HttpBrowser.Page loginPage = flow.continueToApplication(stepUp);
        JsonNode second = flow.claimsAtApplication(
                flow.continueToApplication(op.signInAs(flow.browser, loginPage, subject, verified())));

        List<ForwardedRequest> authorizations = op.front().forwardedTo(AUTHORIZE);
        assertEquals(AUTH_ONLY, authorizations.get(0).query().get("acr_values"));
        assertEquals(
                VERIFIED, authorizations.get(authorizations.size() - 1).query().get("acr_values"));
        assertEquals("verified", second.get("acr").asText());
        assertEquals(VERIFIED, second.get("logingov_ial").asText());
        assertEquals(first.get("sub").asText(), second.get("sub").asText(), "the same Keycloak user");
        assertEquals(first.get("sid").asText(), second.get("sid").asText(), "the same Keycloak session, raised");
        UserRepresentation user = new Users(realm).onlyUser();
        assertEquals(
                1,
                realm.resource()
                        .users()
                        .get(user.getId())
                        .getFederatedIdentity()
                        .size());
    }

    @Test
    void an_ial_lower_than_requested_is_refused_with_a_page_an_event_and_no_user() {
        SignInFlow flow = new SignInFlow(realm);

        HttpBrowser.Page page = signInAtTheProvider(flow, Map.of("acr_values", "verified"), authOnly());

        assertFailurePage(page);
        String reason = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(reason.contains("does not meet the requested " + VERIFIED), reason);
        assertNoUser(realm);
    }

    @Test
    void an_aal_other_than_requested_is_refused_with_a_page_an_event_and_no_user() {
        SignInFlow flow = new SignInFlow(realm);

        // PIV/CAC asked; the provider asserts Login.gov's default AAL.
        HttpBrowser.Page page = signInAtTheProvider(flow, Map.of("acr_values", "piv-cac"), authOnly());

        assertEquals(
                AUTH_ONLY + " " + PIV_CAC,
                op.front().forwardedTo(AUTHORIZE).get(0).query().get("acr_values"));
        assertFailurePage(page);
        String reason = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(reason.contains("not the requested " + PIV_CAC), reason);
        assertNoUser(realm);
    }

    @Test
    void the_issuer_the_provider_derives_by_itself_lacks_the_trailing_slash_and_is_refused() {
        // The person's claims override the token-callback setting: iss is what mock-oauth2-server names itself.
        Map<String, Object> ownIssuer = new LinkedHashMap<>(authOnly());
        ownIssuer.put("iss", op.ownIssuer());

        HttpBrowser.Page page = signInAtTheProvider(new SignInFlow(realm), Map.of(), ownIssuer);

        assertFailurePage(page);
        String reason = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(reason.contains("id_token issuer is not " + op.issuer()), reason);
        assertNoUser(realm);
        assertTrue(op.front().forwardedTo(USERINFO).isEmpty(), "no userinfo call after a refused id_token");
    }

    @Test
    void logout_reaches_the_providers_end_session_endpoint_with_client_id() {
        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page end = signInAtTheProvider(flow, Map.of(), authOnly());
        String idToken = flow.exchangeCode(end.locationQuery().get("code"))
                .get("id_token")
                .asText();
        String userId = SignInFlow.claims(idToken).get("sub").asText();
        assertEquals(1, realm.resource().users().get(userId).getUserSessions().size());

        HttpBrowser.Page logout = flow.openApplicationLogout(idToken);
        HttpBrowser.Page back = flow.continueToApplication(logout);

        assertTrue(back.isRedirect() && SignInFlow.isApplication(back.location()), () -> "logout: " + back);
        assertEquals("app-logout-state", back.locationQuery().get("state"));
        List<ForwardedRequest> logouts = op.front().forwardedTo(LOGOUT);
        assertEquals(1, logouts.size());
        ForwardedRequest atProvider = logouts.get(0);
        assertEquals(302, atProvider.status());
        assertEquals(realm.loginGovClientId(), atProvider.query().get("client_id"));
        assertNull(atProvider.query().get("id_token_hint"), "Login.gov rejects id_token_hint");
        assertEquals(
                realm.brokerEndpoint(BrokerRealm.ALIAS) + "/logout_response",
                atProvider.query().get("post_logout_redirect_uri"));
        assertTrue(atProvider.query().get("state").length() >= LoginGovProtocol.MIN_STATE_LENGTH);
        assertEquals(0, realm.resource().users().get(userId).getUserSessions().size(), "the session is gone");
    }

    /**
     * The application's sign-in to the provider's login page, where the person asserts {@code
     * claims}; answers the last hop (the redirect to the application when Keycloak accepted it).
     */
    private HttpBrowser.Page signInAtTheProvider(
            SignInFlow flow, Map<String, String> parameters, Map<String, Object> claims) {
        HttpBrowser.Page loginPage = flow.continueToApplication(flow.pressLoginGov(flow.openLoginPage(parameters)));
        return flow.continueToApplication(op.signInAs(flow.browser, loginPage, subject, claims));
    }

    /** What Login.gov's id_token says of a person at auth-only: the IAL in acr and ial, the default AAL echoed. */
    private static Map<String, Object> authOnly() {
        return Map.of(
                "acr",
                AUTH_ONLY,
                "ial",
                AUTH_ONLY,
                "aal",
                DEFAULT_AAL,
                "email",
                "pat.example@example.gov",
                "email_verified",
                true,
                "all_emails",
                List.of("pat.example@example.gov", "pat@example.com"),
                "locale",
                "en");
    }

    /** The same person, identity verified. */
    private static Map<String, Object> verified() {
        Map<String, Object> claims = new LinkedHashMap<>(authOnly());
        claims.putAll(Map.of("acr", VERIFIED, "ial", VERIFIED));
        return claims;
    }
}
