package io.github.kclogingov.broker;

import io.github.kclogingov.protocol.ClientAuthentication;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AssertedLevel;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.LoginGovScope;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.broker.oidc.KeycloakOIDCIdentityProviderFactory;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.keys.loader.PublicKeyStorageManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;

/**
 * Keycloak's OpenID Connect broker with Login.gov's rules. The differences, each a named override:
 * <ul>
 *   <li>the authorization request carries exactly one Login.gov level ({@link RequestedLevels}: the
 *       application's requested level raised to the configured default), the scopes that level
 *       releases, {@code prompt=select_account}, Login.gov's {@code locale} and PKCE S256;</li>
 *   <li>what Login.gov asserts ({@code acr}, {@code aal}) must meet that level, and it is recorded in
 *       the user session and as Keycloak's achieved level of authentication;</li>
 *   <li>client assertions are signed by a dedicated passive realm key and expire within five minutes;</li>
 *   <li>id_tokens are validated strictly ({@link IdTokenValidator}), with no way to switch it off;</li>
 *   <li>Login.gov's error answers become events and clear pages ({@link LoginGovCallback});</li>
 *   <li>no token exchange: Login.gov tokens are for this broker only.</li>
 * </ul>
 * Logout settings (client_id, never id_token_hint) come from {@link LoginGovIdentityProviderConfig}.
 */
public class LoginGovIdentityProvider extends OIDCIdentityProvider {

    /** Keycloak keeps the nonce it sent under this client note (private in the parent class). */
    static final String BROKER_NONCE_NOTE = "BROKER_NONCE";

    /** User session notes holding what Login.gov asserted, as returned; a "User Session Note" mapper puts them in tokens. */
    public static final String IAL_NOTE = "logingov_ial";
    public static final String AAL_NOTE = "logingov_aal";

    /** Authentication session note: the acr_values sent to Login.gov, to check its answer against. */
    static final String REQUESTED_ACR_NOTE = "LOGINGOV_REQUESTED_ACR";

    /** Authentication session note: during a step-up, the level the session already has (as acr values). */
    static final String SESSION_LEVEL_NOTE = "LOGINGOV_SESSION_LEVEL";

    /** Brokered-identity context data carrying the checked assertion to {@link #authenticationFinished}. */
    static final String ASSERTED_IAL_DATA = "logingov.asserted_ial";
    static final String ASSERTED_AAL_DATA = "logingov.asserted_aal";

    /** How long a client assertion is valid: enough for one token call, well under Login.gov's five minutes. */
    static final Duration CLIENT_ASSERTION_LIFETIME = Duration.ofSeconds(120);

    private final LoginGovIdentityProviderConfig loginGovConfig;

    public LoginGovIdentityProvider(KeycloakSession session, LoginGovIdentityProviderConfig config) {
        super(session, config);
        this.loginGovConfig = config;
    }

    public LoginGovIdentityProviderConfig loginGovConfig() {
        return loginGovConfig;
    }

    KeycloakSession session() {
        return session;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new LoginGovEndpoint(callback, realm, event, this);
    }

    /**
     * A configuration that cannot authenticate the token call (no usable dedicated key) stops the
     * sign-in here, with an event and a clear page, instead of Keycloak's generic error.
     */
    @Override
    public Response performLogin(AuthenticationRequest request) {
        try {
            return super.performLogin(request);
        } catch (IdentityBrokerException e) {
            if (!(e.getCause() instanceof LoginGovLoginException cause)) {
                throw e;
            }
            EventBuilder event = new EventBuilder(request.getRealm(), session, session.getContext().getConnection());
            return SignInFailure.respond(session, event, request.getAuthenticationSession(), getConfig().getAlias(),
                    cause.getMessage(), null);
        }
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        String state = request.getState().getEncoded();
        if (state == null || state.length() < LoginGovProtocol.MIN_STATE_LENGTH) {
            throw new LoginGovLoginException("state shorter than Login.gov's minimum of " + LoginGovProtocol.MIN_STATE_LENGTH);
        }
        if (loginGovConfig.clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT) {
            // Fail before sending the person away if the token call could not be authenticated.
            getSignatureContext();
        }
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        AcrValues level = RequestedLevels.of(authSession).loginGovLevel(loginGovConfig);
        String sessionLevel = authSession.getAuthNote(SESSION_LEVEL_NOTE);
        if (sessionLevel != null) {
            level = level.atLeast(parseRecorded(sessionLevel));
        }
        authSession.setAuthNote(REQUESTED_ACR_NOTE, level.toParameter());
        UriBuilder uri = super.createAuthorizationUrl(request);
        // Whatever the parent or the downstream client added, Login.gov gets exactly these.
        uri.replaceQueryParam(OAuth2Constants.ACR_VALUES, level.toParameter());
        uri.replaceQueryParam(OAuth2Constants.SCOPE, LoginGovScope.requestedAt(getConfig().getDefaultScope(), level.ial()));
        uri.replaceQueryParam(OAuth2Constants.PROMPT, LoginGovProtocol.PROMPT_SELECT_ACCOUNT);
        uri.replaceQueryParam(OIDCLoginProtocol.UI_LOCALES_PARAM);
        uri.replaceQueryParam(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        uri.replaceQueryParam(OIDCLoginProtocol.MAX_AGE_PARAM);
        uri.replaceQueryParam(OIDCLoginProtocol.CLAIMS_PARAM);
        String locale = loginGovLocale();
        if (locale == null) {
            uri.replaceQueryParam("locale");
        } else {
            uri.replaceQueryParam("locale", locale);
        }
        return uri;
    }

    private String loginGovLocale() {
        Locale locale = session.getContext().resolveLocale(null);
        return locale == null ? null : LoginGovProtocol.loginGovLocale(locale.toLanguageTag());
    }

    /** PKCE-only clients prove the verifier and nothing else: no secret exists to send. */
    @Override
    public SimpleHttpRequest authenticateTokenRequest(SimpleHttpRequest tokenRequest) {
        if (loginGovConfig.clientAuthentication() == ClientAuthentication.PKCE) {
            return tokenRequest.param(OAUTH2_PARAMETER_CLIENT_ID, getConfig().getClientId());
        }
        return super.authenticateTokenRequest(tokenRequest);
    }

    @Override
    protected SignatureSignerContext getSignatureContext() {
        String kid = loginGovConfig.signingKeyId().orElseThrow(() -> new LoginGovLoginException(
                "No client assertion key is configured for Login.gov. An administrator must set 'Client assertion key ID'."));
        return ClientAssertionKey.signer(session, session.getContext().getRealm(), kid);
    }

    @Override
    protected JsonWebToken generateToken() {
        JsonWebToken assertion = new JsonWebToken();
        long now = Time.currentTime();
        assertion.id(SecretGenerator.getInstance().generateSecureID());
        assertion.issuer(getConfig().getClientId());
        assertion.subject(getConfig().getClientId());
        assertion.audience(loginGovConfig.getTokenUrl());
        assertion.iat(now);
        assertion.exp(now + CLIENT_ASSERTION_LIFETIME.getSeconds());
        return assertion;
    }

    /** Always strict: the audience flag of the parent (used for token exchange) is ignored. */
    @Override
    protected JsonWebToken validateToken(String encodedToken, boolean ignoreAudience) {
        RealmModel realm = session.getContext().getRealm();
        IdTokenValidator validator = new IdTokenValidator(
                kid -> publicKey(realm, kid),
                loginGovConfig.getIssuer(),
                getConfig().getClientId(),
                Duration.ofSeconds(getConfig().getAllowedClockSkew()),
                loginGovConfig.idTokenMaxAge(),
                Clock.systemUTC());
        return validator.validate(encodedToken);
    }

    /** Login.gov's keys come from its JWKS through Keycloak's cache, refreshed on an unknown kid. */
    private PublicKey publicKey(RealmModel realm, String kid) {
        KeyWrapper key = PublicKeyStorageManager.getIdentityProviderKeyWrapper(session, realm, getConfig(), kid,
                LoginGovProtocol.SIGNING_ALGORITHM);
        if (key == null || !(key.getPublicKey() instanceof PublicKey publicKey)) {
            return null;
        }
        return publicKey;
    }

    @Override
    public BrokeredIdentityContext getFederatedIdentity(String response) {
        BrokeredIdentityContext identity = super.getFederatedIdentity(response);
        checkNonce(identity);
        AssertedLevel asserted = checkAssurance(identity);
        identity.getContextData().put(ASSERTED_IAL_DATA, asserted.ialValue());
        identity.getContextData().put(ASSERTED_AAL_DATA, asserted.aalValue());
        return identity;
    }

    /**
     * Login.gov's {@code acr} must meet the IAL this sign-in asked for and its {@code aal} must echo
     * the AAL asked for; otherwise the sign-in fails here, before any user is created or updated.
     */
    private AssertedLevel checkAssurance(BrokeredIdentityContext identity) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        String sent = authSession == null ? null : authSession.getAuthNote(REQUESTED_ACR_NOTE);
        if (sent == null) {
            throw new LoginGovLoginException("no Login.gov request is recorded for this sign-in");
        }
        JsonWebToken idToken = (JsonWebToken) identity.getContextData().get(VALIDATED_ID_TOKEN);
        JsonNode userInfo = (JsonNode) identity.getContextData().get(USER_INFO);
        String acr = stringClaim(idToken, LoginGovClaims.ACR);
        String aal = stringClaim(idToken, LoginGovClaims.AAL);
        if (aal == null) {
            aal = userInfoText(userInfo, LoginGovClaims.AAL);
        }
        String userInfoIal = userInfoText(userInfo, LoginGovClaims.IAL);
        if (acr != null && userInfoIal != null && !acr.equals(userInfoIal)) {
            throw new LoginGovLoginException("userinfo ial differs from the id_token acr");
        }
        try {
            return AssertedLevel.check(parseRecorded(sent), acr, aal);
        } catch (AssertedLevel.AssuranceMismatchException e) {
            throw new LoginGovLoginException(e.getMessage());
        }
    }

    /** Reads acr values this provider wrote into the authentication session itself. */
    private static AcrValues parseRecorded(String acrValues) {
        try {
            return AcrValues.parse(acrValues);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new LoginGovLoginException("the recorded Login.gov request is unreadable");
        }
    }

    private static String stringClaim(JsonWebToken token, String claim) {
        Object value = token == null ? null : token.getOtherClaims().get(claim);
        return value instanceof String text ? text : null;
    }

    private static String userInfoText(JsonNode userInfo, String field) {
        JsonNode value = userInfo == null ? null : userInfo.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /**
     * Runs after the first- and post-broker-login flows, for a new sign-in and a step-up alike:
     * records what Login.gov asserted in the user session and sets Keycloak's achieved level of
     * authentication from it, which the stock brokering leaves at its default (keycloak#25335).
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        Object ial = context.getContextData().get(ASSERTED_IAL_DATA);
        Object aal = context.getContextData().get(ASSERTED_AAL_DATA);
        AssertedLevel asserted = AssertedLevel.restore(ial == null ? null : ial.toString(), aal == null ? null : aal.toString())
                .orElseThrow(() -> new LoginGovLoginException("the checked Login.gov assurance was lost during the sign-in"));
        authSession.setUserSessionNote(IAL_NOTE, asserted.ialValue());
        authSession.setUserSessionNote(AAL_NOTE, asserted.aalValue());
        OptionalInt achieved = RequestedLevels.of(authSession).achievedLoa(asserted, loginGovConfig.assuranceNames());
        achieved.ifPresent(loa -> new AcrStore(session, authSession).setLevelAuthenticatedToCurrentRequest(loa));
    }

    /**
     * The parent checks the nonce later, in a step whose failure shows a bare JSON error; checking
     * it here makes a wrong nonce an ordinary failed sign-in with an event and a page.
     */
    private void checkNonce(BrokeredIdentityContext identity) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        Object returned = identity.getContextData().get(BROKER_NONCE_NOTE);
        String expected = authSession == null ? null : authSession.getClientNote(BROKER_NONCE_NOTE);
        if (returned == null) {
            throw new LoginGovLoginException("id_token has no nonce");
        }
        if (expected == null || !expected.equals(returned)) {
            throw new LoginGovLoginException("id_token nonce does not match the request");
        }
    }

    /**
     * The admin console offers this provider's own mappers and Keycloak's OpenID Connect mappers
     * (claim to role, claim to group, username template, hardcoded role...), which declare
     * themselves for the stock {@code oidc} providers only; Login.gov's answers are OpenID Connect.
     */
    @Override
    public boolean isMapperSupported(IdentityProviderMapper mapper) {
        List<String> compatible = Arrays.asList(mapper.getCompatibleProviders());
        return compatible.contains(IdentityProviderMapper.ANY_PROVIDER)
                || compatible.contains(LoginGovIdentityProviderFactory.PROVIDER_ID)
                || compatible.contains(OIDCIdentityProviderFactory.PROVIDER_ID)
                || compatible.contains(KeycloakOIDCIdentityProviderFactory.PROVIDER_ID);
    }

    /**
     * {@code email_verified} is trusted only for an account this provider created (or one only it
     * can sign in to: no credential of its own, no other link), and only as Login.gov sent it
     * beside the email, in the same response. Any other account keeps Keycloak's rule, so a local
     * account never gets a verified email from Login.gov. The provider's "Trust email" switch is not
     * used: it would trust the claim for every account.
     */
    @Override
    protected void setEmailVerified(UserModel user, BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        boolean newUser = authSession != null && Boolean.parseBoolean(authSession.getAuthNote(BROKER_REGISTERED_NEW_USER));
        boolean emailChanges = context.getEmail() != null && !context.getEmail().equalsIgnoreCase(user.getEmail());
        if (!newUser && !emailChanges) {
            return;
        }
        if (!newUser && !onlyThisProviderSignsIn(user)) {
            user.setEmailVerified(false);
            return;
        }
        user.setEmailVerified(Boolean.TRUE.equals(emailVerifiedBesideEmail(context)));
    }

    private boolean onlyThisProviderSignsIn(UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        boolean ownCredentials = user.credentialManager().getStoredCredentialsStream().findAny().isPresent();
        List<String> links = session.users().getFederatedIdentitiesStream(realm, user)
                .map(link -> link.getIdentityProvider()).toList();
        return !ownCredentials && links.equals(List.of(getConfig().getAlias()));
    }

    /** The email comes from userinfo when Login.gov answered it, else from the id_token; so does its flag. */
    private static Boolean emailVerifiedBesideEmail(BrokeredIdentityContext context) {
        JsonNode userInfo = (JsonNode) context.getContextData().get(USER_INFO);
        if (userInfo != null && userInfo.hasNonNull(LoginGovClaims.EMAIL)) {
            JsonNode flag = userInfo.get(LoginGovClaims.EMAIL_VERIFIED);
            return flag != null && flag.isBoolean() ? flag.booleanValue() : null;
        }
        JsonWebToken idToken = (JsonWebToken) context.getContextData().get(VALIDATED_ID_TOKEN);
        Object flag = idToken == null ? null : idToken.getOtherClaims().get(LoginGovClaims.EMAIL_VERIFIED);
        return flag instanceof Boolean verified ? verified : null;
    }

    @Override
    protected boolean supportsExternalExchange() {
        return false;
    }

    /** The endpoint Login.gov redirects back to; its error handling lives in {@link LoginGovCallback}. */
    protected static class LoginGovEndpoint extends OIDCEndpoint {
        private final LoginGovCallback handler;

        public LoginGovEndpoint(AuthenticationCallback callback, RealmModel realm, EventBuilder event, LoginGovIdentityProvider provider) {
            super(callback, realm, event, provider);
            this.handler = new LoginGovCallback(provider, callback, event, this::generateTokenRequest);
        }

        @GET
        @Override
        public Response authResponse(@QueryParam(OAUTH2_PARAMETER_STATE) String state,
                                     @QueryParam(OAUTH2_PARAMETER_CODE) String authorizationCode,
                                     @QueryParam(OAuth2Constants.ERROR) String error,
                                     @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
            if (state != null && error != null && !ACCESS_DENIED.equals(error)) {
                return handler.loginGovRefused(state, error, errorDescription);
            }
            if (state != null && error == null && authorizationCode != null) {
                return handler.exchangeCode(state, authorizationCode);
            }
            // Missing state, a cancelled sign-in (access_denied) or neither code nor error: Keycloak's own handling.
            return super.authResponse(state, authorizationCode, error, errorDescription);
        }
    }
}
