package io.github.kclogingov.broker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kclogingov.broker.accounts.EmailVerifiedPolicy;
import io.github.kclogingov.broker.assurance.AchievedLevel;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.KeycloakVersionDifferences;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.broker.mappers.OfferedMappers;
import io.github.kclogingov.broker.signals.ReproofRefresh;
import io.github.kclogingov.broker.signin.AnswerChecks;
import io.github.kclogingov.broker.signin.AuthorizationRequest;
import io.github.kclogingov.broker.signin.ClientAssertion;
import io.github.kclogingov.broker.signin.ClientAssertionKey;
import io.github.kclogingov.broker.signin.IdTokenAttributes;
import io.github.kclogingov.broker.signin.IdTokenValidator;
import io.github.kclogingov.broker.signin.KeycloakFirstLogout;
import io.github.kclogingov.broker.signin.LoginGovCallback;
import io.github.kclogingov.broker.signin.LoginGovPublicKeys;
import io.github.kclogingov.broker.signin.LoginGovThrottle;
import io.github.kclogingov.broker.signin.LoginGovUserinfo;
import io.github.kclogingov.broker.signin.Reauthentication;
import io.github.kclogingov.broker.signin.SignInCompletion;
import io.github.kclogingov.broker.signin.SignInFailure;
import io.github.kclogingov.broker.signin.SignedInAccount;
import io.github.kclogingov.broker.signin.UpstreamHttp;
import io.github.kclogingov.broker.signin.UpstreamTokens;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovProtocol;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Keycloak's OpenID Connect broker with Login.gov's rules. Each difference is a named override that
 * delegates to the class holding the rule:
 * <ul>
 *   <li>the authorization request carries exactly one Login.gov level and only what Login.gov
 *       accepts ({@link AuthorizationRequest});</li>
 *   <li>client assertions are signed by a dedicated passive realm key and expire within two
 *       minutes ({@link ClientAssertionKey}, {@link ClientAssertion}); a PKCE client sends none;</li>
 *   <li>id_tokens are validated strictly ({@link IdTokenValidator}), with the nonce and the asserted
 *       level checked before any user is touched ({@link AnswerChecks});</li>
 *   <li>the achieved level is recorded in the user session and in Keycloak's tokens ({@link AchievedLevel});</li>
 *   <li>{@code email_verified} is believed only where {@link EmailVerifiedPolicy} says;</li>
 *   <li>Login.gov's error answers become events and clear pages ({@link LoginGovCallback});</li>
 *   <li>every call to Login.gov is bounded by the provider's own timeouts, and an outage ends on the
 *       login page saying Login.gov is unavailable ({@link UpstreamHttp});</li>
 *   <li>the attributes come from the verified id_token when it carries them all, so a sign-in makes
 *       one call to Login.gov ({@link IdTokenAttributes}); userinfo otherwise, or when set to always;</li>
 *   <li>the nonce and {@code at_hash} are checked before userinfo is called; a demanded
 *       re-authentication must be proven by Login.gov's {@code auth_time} ({@link Reauthentication});</li>
 *   <li>a passive request ({@code prompt=none}) is never sent to Login.gov;</li>
 *   <li>inside a signed-in session, an answer about another Login.gov account is refused before any
 *       user is created or linked, and a cancel returns to the application ({@link SignedInAccount});</li>
 *   <li>sign-out finishes Keycloak's own logout before the person is sent to Login.gov, where they
 *       may decline ({@link KeycloakFirstLogout});</li>
 *   <li>Login.gov's tokens end with the sign-in: never in the user session, never handed out
 *       ({@link UpstreamTokens});</li>
 *   <li>Keycloak's OpenID Connect mappers are offered; no token exchange;</li>
 *   <li>after Login.gov's reproof-completed event, the next verified sign-in refreshes the verified
 *       attributes whatever the mappers' sync mode ({@link ReproofRefresh}).</li>
 * </ul>
 * It is the one class where Keycloak's broker hooks are overridden, hence its length; no rule is
 * written here.
 */
public class LoginGovIdentityProvider extends OIDCIdentityProvider {

    public LoginGovIdentityProvider(KeycloakSession session, LoginGovIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public LoginGovIdentityProviderConfig getConfig() {
        return (LoginGovIdentityProviderConfig) super.getConfig();
    }

    /** The settings, or a sign-in failure that names the configuration as the fault. */
    private LoginGovSettings settings() {
        try {
            return getConfig().settings();
        } catch (InvalidSettingsException e) {
            throw e.asSignInFailure();
        }
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new LoginGovEndpoint(callback, realm, event, this);
    }

    /**
     * A sign-in that cannot be sent (no usable dedicated key, a level the registration does not
     * permit, a broken configuration) stops here, with an event and a clear page, instead of
     * Keycloak's generic error. While Login.gov's {@code Retry-After} runs ({@link LoginGovThrottle})
     * the person is not sent to Login.gov: the browser comes straight back to the provider's own
     * endpoint with {@code temporarily_unavailable}, which ends on the page saying Login.gov is busy.
     */
    @Override
    public Response performLogin(AuthenticationRequest request) {
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        if (authSession != null
                && TokenUtil.hasPrompt(
                        authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM),
                        OIDCLoginProtocol.PROMPT_VALUE_NONE)) {
            // Keycloak forwards prompt=none to a hinted provider; Login.gov would show its pages.
            return SignInFailure.toApplication(
                    session,
                    newEvent(request.getRealm()),
                    authSession,
                    getConfig().getAlias(),
                    FailureCode.PASSIVE_REQUEST,
                    "a passive request (prompt=none) cannot be sent to Login.gov",
                    LoginProtocol.Error.PASSIVE_LOGIN_REQUIRED);
        }
        if (authSession != null
                && LoginGovThrottle.active(LoginGovThrottle.key(request.getRealm(), getConfig()), Instant.now())
                        .isPresent()) {
            return Response.seeOther(LoginGovThrottle.detour(request)).build();
        }
        try {
            return super.performLogin(request);
        } catch (IdentityBrokerException e) {
            LoginGovLoginException failure =
                    SignInFailure.knownFailure(e.getCause()).orElseThrow(() -> e);
            return SignInFailure.respond(
                    session,
                    newEvent(request.getRealm()),
                    authSession,
                    getConfig().getAlias(),
                    failure.code(),
                    failure.getMessage(),
                    null);
        }
    }

    private EventBuilder newEvent(RealmModel realm) {
        return new EventBuilder(realm, session, session.getContext().getConnection());
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        LoginGovSettings settings = settings();
        AuthorizationRequest.checkState(request.getState().getEncoded());
        if (settings.clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT) {
            // Fail before sending the person away if the token call could not be authenticated.
            ClientAssertionKey.checkUsable(session, session.getContext().getRealm(), settings.signingKeyId());
        }
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        AcrValues level = AuthorizationRequest.levelToSend(authSession, settings.levelPolicy());
        UriBuilder uri = AuthorizationRequest.shape(
                super.createAuthorizationUrl(request), level, getConfig().getDefaultScope(), loginGovLocale());
        if (Reauthentication.sendPromptLogin(authSession, settings.reauthenticationAllowed(), Time.currentTime())) {
            uri.replaceQueryParam(OAuth2Constants.PROMPT, OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
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
        if (settings().clientAuthentication() == ClientAuthentication.PKCE) {
            return tokenRequest.param(OAUTH2_PARAMETER_CLIENT_ID, getConfig().getClientId());
        }
        return super.authenticateTokenRequest(tokenRequest);
    }

    @Override
    protected SignatureSignerContext getSignatureContext() {
        return ClientAssertionKey.signer(
                session, session.getContext().getRealm(), settings().signingKeyId());
    }

    @Override
    protected JsonWebToken generateToken() {
        return ClientAssertion.claims(getConfig().getClientId(), getConfig().getTokenUrl(), Time.currentTime());
    }

    /** Always strict: the audience flag of the parent (used for token exchange) is ignored. */
    @Override
    protected JsonWebToken validateToken(String encodedToken, boolean ignoreAudience) {
        LoginGovSettings settings = settings();
        return new IdTokenValidator(
                        new LoginGovPublicKeys(
                                session, session.getContext().getRealm(), getConfig(), settings.timeouts()),
                        settings.endpoints().issuer(),
                        getConfig().getClientId(),
                        Duration.ofSeconds(clockSkewSeconds()),
                        settings.idTokenMaxAge(),
                        Clock.systemUTC())
                .validate(encodedToken);
    }

    /**
     * The id_token must belong to this sign-in and this access token before its claims are read or
     * userinfo is called with it; then the parent builds the identity from the id_token alone. The
     * attributes come from the id_token when it carries every claim the request was promised
     * ({@link IdTokenAttributes}): one call to Login.gov per sign-in. Otherwise, or when the
     * provider is set to always call it, userinfo is fetched by {@link LoginGovUserinfo} instead of
     * the parent (which logs the answer at DEBUG, unbounded).
     */
    @Override
    protected BrokeredIdentityContext extractIdentity(
            AccessTokenResponse tokenResponse, String accessToken, JsonWebToken idToken) throws IOException {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        AnswerChecks.beforeUserinfo(idToken, accessToken, authSession);
        BrokeredIdentityContext identity = super.extractIdentity(tokenResponse, null, idToken);
        LoginGovSettings settings = settings();
        Optional<ObjectNode> fromIdToken = settings.alwaysCallUserinfo()
                ? Optional.empty()
                : IdTokenAttributes.complete(
                        idToken,
                        AuthorizationRequest.scopesSent(
                                getConfig().getDefaultScope(), AssuranceNotes.requested(authSession)));
        if (fromIdToken.isPresent()) {
            LoginGovUserinfo.acceptFromIdToken(identity, fromIdToken.get());
        } else if (accessToken != null) {
            LoginGovUserinfo.fetchInto(session, getUserInfoUrl(), accessToken, settings.timeouts(), identity);
        }
        return identity;
    }

    /**
     * The parent's identity, with Login.gov's answer checked before any user is touched ({@link
     * AnswerChecks}), and, inside a signed-in session, refused when it is about another account
     * ({@link SignedInAccount}).
     */
    @Override
    public BrokeredIdentityContext getFederatedIdentity(String response) {
        BrokeredIdentityContext identity = super.getFederatedIdentity(response);
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        AnswerChecks.afterUserinfo(identity, authSession, Time.currentTime(), clockSkewSeconds());
        SignedInAccount.check(session, authSession, getConfig().getAlias(), identity.getId());
        // The raw token response (access token and id_token) has served its purpose; left in the
        // context, Keycloak would copy it into the authentication session during a first login.
        identity.getContextData().remove(FEDERATED_ACCESS_TOKEN_RESPONSE);
        return identity;
    }

    /**
     * Runs after the first- and post-broker-login flows, for a new sign-in and a step-up alike: the
     * achieved level is recorded and the sign-in counted ({@link SignInCompletion}). The parent's
     * version only keeps Login.gov's id_token and access token in the user session: it is
     * not called, so they end with the sign-in ({@link UpstreamTokens}).
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        SignInCompletion.finish(
                session,
                authSession,
                context,
                settings().assuranceNames(),
                getConfig().getAlias());
    }

    /**
     * Keycloak's own logout is finished before the person is sent to Login.gov, which they may
     * decline there ({@link KeycloakFirstLogout}).
     */
    @Override
    public Response keycloakInitiatedBrowserLogout(
            KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        return KeycloakFirstLogout.logout(
                session,
                realm,
                userSession,
                super.keycloakInitiatedBrowserLogout(session, userSession, uriInfo, realm));
    }

    /** The broker token endpoint (identity-brokering API v1 and v2): nothing is stored to hand out. */
    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity) {
        return UpstreamTokens.refusal(null);
    }

    /** The same, as Keycloak 26.6 and later ask (not in 26.5: {@link KeycloakVersionDifferences}). */
    @Override
    public Response retrieveToken(
            KeycloakSession session, FederatedIdentityModel identity, UserSessionModel userSession, UserModel user) {
        return UpstreamTokens.refusal(null);
    }

    /** Token exchange for a Login.gov token ({@code requested_issuer}): nothing is stored to exchange. */
    @Override
    public Response exchangeFromToken(
            UriInfo uriInfo,
            EventBuilder event,
            ClientModel authorizedClient,
            UserSessionModel tokenUserSession,
            UserModel tokenSubject,
            MultivaluedMap<String, String> params) {
        return UpstreamTokens.refusal(event);
    }

    /** Keycloak's "Allowed clock skew"; 0 means Keycloak's default of 10 s (see PinnedOidcConfig). */
    private long clockSkewSeconds() {
        return getConfig().getAllowedClockSkew();
    }

    /**
     * The parent updates the email; after Login.gov's reproof-completed, the verified attributes are
     * also written again, whatever the mappers' sync mode ({@link ReproofRefresh}).
     */
    @Override
    public void updateBrokeredUser(
            KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.updateBrokeredUser(session, realm, user, context);
        ReproofRefresh.apply(session, realm, user, context, getConfig().getAlias());
    }

    @Override
    protected void setEmailVerified(UserModel user, BrokeredIdentityContext context) {
        EmailVerifiedPolicy.apply(session, getConfig().getAlias(), user, context);
    }

    /** Keycloak's OpenID Connect mappers too, which declare themselves for the stock providers only. */
    @Override
    public boolean isMapperSupported(IdentityProviderMapper mapper) {
        return OfferedMappers.includes(mapper);
    }

    /** Login.gov's tokens are for this broker only. */
    @Override
    protected boolean supportsExternalExchange() {
        return false;
    }

    /**
     * The endpoint Login.gov redirects back to; its error handling lives in {@link LoginGovCallback}.
     * Nested because the parent's endpoint class is visible to subclasses only.
     */
    protected static class LoginGovEndpoint extends OIDCEndpoint {
        private final LoginGovCallback handler;

        public LoginGovEndpoint(
                AuthenticationCallback callback,
                RealmModel realm,
                EventBuilder event,
                LoginGovIdentityProvider provider) {
            super(callback, realm, event, provider);
            this.handler = new LoginGovCallback(
                    provider.session,
                    provider,
                    callback,
                    event,
                    this::generateTokenRequest,
                    () -> provider.settings().timeouts());
        }

        @GET
        @Override
        public Response authResponse(
                @QueryParam(OAUTH2_PARAMETER_STATE) String state,
                @QueryParam(OAUTH2_PARAMETER_CODE) String authorizationCode,
                @QueryParam(OAuth2Constants.ERROR) String error,
                @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
            if (state != null && ACCESS_DENIED.equals(error)) {
                return handler.cancelled(state);
            }
            if (state != null && LoginGovCallback.TEMPORARILY_UNAVAILABLE.equals(error)) {
                return handler.temporarilyUnavailable(state, errorDescription);
            }
            if (state != null && error != null) {
                return handler.loginGovRefused(state, error, errorDescription);
            }
            if (state != null && error == null && authorizationCode != null) {
                return handler.exchangeCode(state, authorizationCode);
            }
            // Missing state, or neither code nor error: Keycloak's own handling.
            return super.authResponse(state, authorizationCode, error, errorDescription);
        }

        /**
         * Login.gov's return after sign-out: Keycloak's logout already finished, so the answer it
         * kept ({@link KeycloakFirstLogout}); a state it does not hold is Keycloak's own handling.
         */
        @GET
        @Path("logout_response")
        @Override
        public Response logoutResponse(@QueryParam(OAUTH2_PARAMETER_STATE) String state) {
            return KeycloakFirstLogout.afterLoginGov(handler.session(), state)
                    .orElseGet(() -> super.logoutResponse(state));
        }
    }
}
