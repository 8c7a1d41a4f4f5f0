package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.metrics.SignInMeter;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What happens when Login.gov sends the person back: a code is exchanged and validated; an error
 * Login.gov reported, a failed token call or a token that fails validation becomes one
 * {@code IDENTITY_PROVIDER_LOGIN_ERROR} event carrying the reason and a page that says what went
 * wrong. The stock broker shows a generic page and logs a stack trace instead. When Login.gov
 * cannot be used at all (unreachable, too slow, a server error, a page instead of JSON), the same
 * event, and the login page again with a message saying so ({@link SignInFailure#unavailable}).
 * Slightly over the usual length: one method per way Login.gov can come back, kept together.
 */
public final class LoginGovCallback {

    private static final Logger LOG = Logger.getLogger(LoginGovCallback.class);

    /** RFC 6749's error code for an authorization server that cannot answer now. */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    private final KeycloakSession session;
    private final OIDCIdentityProvider provider;
    private final AuthenticationCallback callback;
    private final EventBuilder event;
    private final Function<String, SimpleHttpRequest> tokenRequests;
    private final Supplier<UpstreamTimeouts> timeouts;

    /**
     * @param provider the Login.gov provider, which validates the token response
     * @param tokenRequests the token request for an authorization code, authenticated as the provider does it
     * @param timeouts the provider's timeouts, read when the token call is made
     */
    public LoginGovCallback(
            KeycloakSession session,
            OIDCIdentityProvider provider,
            AuthenticationCallback callback,
            EventBuilder event,
            Function<String, SimpleHttpRequest> tokenRequests,
            Supplier<UpstreamTimeouts> timeouts) {
        this.session = session;
        this.provider = provider;
        this.callback = callback;
        this.event = event;
        this.tokenRequests = tokenRequests;
        this.timeouts = timeouts;
    }

    /** The Keycloak session of this request. */
    public KeycloakSession session() {
        return session;
    }

    /** Login.gov redirected back with an error other than a cancel (typically {@code invalid_request}). */
    public Response loginGovRefused(String state, String error, String description) {
        AuthenticationSessionModel authSession;
        try {
            authSession = verifiedSession(state);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        String loginGovText = UntrustedText.readable(description == null ? error : error + ": " + description);
        return fail(
                authSession,
                FailureCode.LOGIN_GOV_ERROR,
                "Login.gov refused the sign-in request (" + loginGovText + ")",
                loginGovText);
    }

    /**
     * The person pressed "Cancel" at Login.gov ({@code access_denied}). An ordinary outcome, so no
     * ERROR line (the stock endpoint logs one). For a sign-in that starts a session: back to the
     * login page, whose theme says they cancelled. Inside a signed-in session (a step-up or a
     * re-authentication): back to the application with {@code access_denied}, the session untouched
     * at its level; Keycloak's login page would ask a signed-in person for a password.
     */
    public Response cancelled(String state) {
        AuthenticationSessionModel authSession;
        try {
            authSession = verifiedSession(state);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        SignInMeter.cancelled(
                session.getContext().getRealm().getName(),
                provider.getConfig().getAlias(),
                SignInLevels.asked(authSession));
        LOG.debugf(
                "Sign-in through '%s' cancelled at Login.gov",
                provider.getConfig().getAlias());
        if (SignedInAccount.of(session, authSession).isPresent()) {
            return SignInFailure.cancelledInSession(session, event, authSession);
        }
        return callback.cancelled(provider.getConfig());
    }

    /**
     * Back with {@code temporarily_unavailable} (RFC 6749 section 4.1.2.1): sent by the provider
     * itself, without calling Login.gov, while Login.gov's {@code Retry-After} runs ({@link
     * LoginGovThrottle}), or by Login.gov. Either way the login page says Login.gov cannot be used
     * now, with an event; not the error page of a refused sign-in.
     */
    public Response temporarilyUnavailable(String state, String description) {
        try {
            verifiedSession(state);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        Instant now = Instant.now();
        Optional<LoginGovThrottle.Hold> hold = LoginGovThrottle.active(providerId(), now);
        if (hold.isPresent()) {
            return SignInFailure.busy(
                    session, event, callback, provider.getConfig(), hold.get().reason(now));
        }
        String loginGovText = UntrustedText.readable(
                description == null ? TEMPORARILY_UNAVAILABLE : TEMPORARILY_UNAVAILABLE + ": " + description);
        return SignInFailure.unavailable(
                session,
                event,
                callback,
                provider.getConfig(),
                FailureCode.TEMPORARILY_UNAVAILABLE,
                "Login.gov is unavailable: it answered the sign-in request with " + loginGovText);
    }

    /**
     * Keycloak's own bound on an answer it reads (10 MB unless configured), as before this call had
     * a deadline: an oversized id_token is refused by {@link IdTokenValidator}, naming its length.
     */
    private int maxTokenAnswerBytes() {
        long max = session.getProvider(HttpClientProvider.class).getMaxConsumedResponseSize();
        return (int) Math.min(max, Integer.MAX_VALUE - 1L);
    }

    /** The provider's key in {@link LoginGovThrottle}. */
    private String providerId() {
        return LoginGovThrottle.key(session.getContext().getRealm(), provider.getConfig());
    }

    /** Login.gov redirected back with a code: exchange it, validate what comes back, continue the flow. */
    public Response exchangeCode(String state, String code) {
        AuthenticationSessionModel authSession;
        try {
            authSession = verifiedSession(state);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        try {
            UpstreamCall.Answer answer = callTokenEndpoint(code);
            if (answer.status() >= 500) {
                throw LoginGovUnavailableException.serverError(Endpoint.TOKEN, answer.status());
            }
            if (answer.status() == 200 && !UpstreamHttp.isJson(answer.contentType())) {
                throw LoginGovUnavailableException.notJson(Endpoint.TOKEN, answer.contentType());
            }
            if (answer.status() != 200) {
                String loginGovText = TokenErrorText.of(answer.body());
                String reason = "Login.gov's token endpoint answered HTTP " + answer.status()
                        + (loginGovText == null ? "" : " (" + loginGovText + ")");
                return fail(authSession, FailureCode.TOKEN_REFUSED, reason, loginGovText);
            }
            BrokeredIdentityContext identity = provider.getFederatedIdentity(answer.body());
            identity.setIdp(provider);
            identity.setAuthenticationSession(authSession);
            return callback.authenticated(identity);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (Reauthentication.ReauthenticationNotProvenException e) {
            // The application asked for it and can act on the answer; the person has nothing to read.
            return SignInFailure.toApplication(
                    session,
                    event,
                    authSession,
                    provider.getConfig().getAlias(),
                    e.code(),
                    e.getMessage(),
                    LoginProtocol.Error.PASSIVE_LOGIN_REQUIRED);
        } catch (SignedInAccount.AnotherAccountException e) {
            // The person stays signed in here at their level: the application hears that the step-up
            // did not happen, as after a cancel, and keeps its session.
            return SignInFailure.toApplication(
                    session,
                    event,
                    authSession,
                    provider.getConfig().getAlias(),
                    e.code(),
                    e.getMessage(),
                    LoginProtocol.Error.CANCELLED_BY_USER);
        } catch (LoginGovBusyException e) {
            LoginGovThrottle.hold(providerId(), e, Instant.now());
            return SignInFailure.busy(session, event, callback, provider.getConfig(), e.getMessage());
        } catch (LoginGovUnavailableException e) {
            return SignInFailure.unavailable(session, event, callback, provider.getConfig(), e.code(), e.getMessage());
        } catch (LoginGovLoginException | InvalidSettingsException e) {
            // Ours, or a pinned setting Keycloak's own code read and could not derive: not "unexpected answer".
            LoginGovLoginException failure = SignInFailure.knownFailure(e).orElseThrow();
            return fail(authSession, failure.code(), failure.getMessage(), null);
        } catch (IdentityBrokerException e) {
            // Keycloak's own checks (userinfo call, subject mismatch): their messages hold no token.
            return fail(authSession, FailureCode.KEYCLOAK_CHECK, UntrustedText.readable(e.getMessage()), null);
        } catch (RuntimeException e) {
            LOG.debugf("Login.gov callback failed with %s", e.getClass().getName());
            return fail(
                    authSession,
                    FailureCode.UNEXPECTED,
                    "unexpected answer from Login.gov (" + e.getClass().getSimpleName() + ")",
                    null);
        }
    }

    /** The token call, within the provider's timeouts; a failure to get any answer means Login.gov is unavailable. */
    private UpstreamCall.Answer callTokenEndpoint(String code) {
        return UpstreamCall.send(
                UpstreamHttp.client(session),
                UpstreamHttp.tokenPost(tokenRequests.apply(code)),
                Endpoint.TOKEN,
                timeouts.get(),
                maxTokenAnswerBytes());
    }

    private AuthenticationSessionModel verifiedSession(String state) {
        AuthenticationSessionModel authSession = callback.getAndVerifyAuthenticationSession(state);
        session.getContext().setAuthenticationSession(authSession);
        return authSession;
    }

    private Response fail(
            AuthenticationSessionModel authSession, FailureCode code, String reason, String loginGovText) {
        return SignInFailure.respond(
                session, event, authSession, provider.getConfig().getAlias(), code, reason, loginGovText);
    }
}
