package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.metrics.SignInMeter;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * How a Login.gov sign-in fails: one {@code IDENTITY_PROVIDER_LOGIN_ERROR} event with the reason
 * (and Login.gov's own text when it sent one), one warning line without stack trace, one count in
 * {@link SignInMeter} by the reason's code, and a page that tells the person what happened. The reason never holds a token or personal data.
 */
public final class SignInFailure {

    /** Event detail holding Login.gov's own error text, when it sent one. */
    static final String LOGINGOV_ERROR_DETAIL = "logingov_error";

    private static final Logger LOG = Logger.getLogger(SignInFailure.class);

    private SignInFailure() {}

    /**
     * The failure to show for a failure this broker knows: its own sign-in failures as they are,
     * and a setting that cannot work as the configuration's fault (not Login.gov's). Empty for
     * anything else, which the caller handles as Keycloak would.
     */
    public static Optional<LoginGovLoginException> knownFailure(Throwable failure) {
        if (failure instanceof LoginGovLoginException loginGov) {
            return Optional.of(loginGov);
        }
        if (failure instanceof InvalidSettingsException settings) {
            return Optional.of(settings.asSignInFailure());
        }
        return Optional.empty();
    }

    /** A refused sign-in: its event, log line and meter, then the error page naming the reason. */
    public static Response respond(
            KeycloakSession session,
            EventBuilder event,
            AuthenticationSessionModel authSession,
            String alias,
            FailureCode code,
            String reason,
            String loginGovText) {
        record(session, authSession, event, alias, SignInMeter.Outcome.REFUSED, code, reason, loginGovText);
        return ErrorPage.error(
                session,
                authSession,
                Response.Status.BAD_GATEWAY,
                LoginGovLoginException.MESSAGE_KEY,
                UntrustedText.forPage(reason));
    }

    /**
     * Login.gov cannot be used right now ({@link LoginGovUnavailableException}): the same event and
     * log line, then Keycloak's login page again, as Keycloak answers an identity provider's error,
     * with a message saying that Login.gov is unavailable. Its button is the way to try again, and
     * any other way to sign in stays offered. The reason (which endpoint, what happened) goes to the
     * event and the log, not to the page: it helps an administrator, not the person.
     */
    public static Response unavailable(
            KeycloakSession session,
            EventBuilder event,
            AuthenticationCallback callback,
            IdentityProviderModel provider,
            FailureCode code,
            String reason) {
        return backToLoginPage(
                session, event, callback, provider, code, reason, LoginGovUnavailableException.MESSAGE_KEY);
    }

    /**
     * Login.gov answered HTTP 429, or still asks to be left alone ({@link LoginGovBusyException}):
     * as {@link #unavailable}, with a message saying Login.gov is busy.
     */
    public static Response busy(
            KeycloakSession session,
            EventBuilder event,
            AuthenticationCallback callback,
            IdentityProviderModel provider,
            String reason) {
        return backToLoginPage(
                session, event, callback, provider, FailureCode.THROTTLED, reason, LoginGovBusyException.MESSAGE_KEY);
    }

    /** Login.gov could not be used: recorded as unavailable, then the login page with {@code messageKey}. */
    private static Response backToLoginPage(
            KeycloakSession session,
            EventBuilder event,
            AuthenticationCallback callback,
            IdentityProviderModel provider,
            FailureCode code,
            String reason,
            String messageKey) {
        record(
                session,
                session.getContext().getAuthenticationSession(),
                event,
                provider.getAlias(),
                SignInMeter.Outcome.UNAVAILABLE,
                code,
                reason,
                null);
        return callback.error(provider, messageKey);
    }

    /**
     * A failure the application, not the person, must hear about: the same event and log line, then
     * the OpenID Connect error {@code error} sent to the application's redirect URI instead of a
     * page. For a passive request ({@code prompt=none}), which must never show a page, and for a
     * re-authentication the application demanded and Login.gov did not prove.
     */
    public static Response toApplication(
            KeycloakSession session,
            EventBuilder event,
            AuthenticationSessionModel authSession,
            String alias,
            FailureCode code,
            String reason,
            LoginProtocol.Error error) {
        record(session, authSession, event, alias, SignInMeter.Outcome.REFUSED, code, reason, null);
        return sendToApplication(session, event, authSession, error, reason);
    }

    /**
     * The person cancelled at Login.gov a step-up or re-authentication of the session they are
     * signed in to: the application receives {@code access_denied} (the step-up did not happen) and
     * keeps its session, which stays at its level. Not a failure: no event, no warning.
     */
    public static Response cancelledInSession(
            KeycloakSession session, EventBuilder event, AuthenticationSessionModel authSession) {
        return sendToApplication(
                session,
                event,
                authSession,
                LoginProtocol.Error.CANCELLED_BY_USER,
                "the person cancelled at Login.gov; the session keeps its level");
    }

    private static Response sendToApplication(
            KeycloakSession session,
            EventBuilder event,
            AuthenticationSessionModel authSession,
            LoginProtocol.Error error,
            String reason) {
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(authSession.getRealm())
                .setHttpHeaders(session.getContext().getRequestHeaders())
                .setUriInfo(session.getContext().getUri())
                .setEventBuilder(event);
        return protocol.sendError(authSession, error, reason);
    }

    /** The one warning line, the one error event and the one count of a failed sign-in, whichever way it is answered. */
    private static void record(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            EventBuilder event,
            String alias,
            SignInMeter.Outcome outcome,
            FailureCode code,
            String reason,
            String loginGovText) {
        LOG.warnf("Sign-in through identity provider '%s' failed: %s", alias, reason);
        event.event(EventType.IDENTITY_PROVIDER_LOGIN)
                .detail(Details.IDENTITY_PROVIDER, alias)
                .detail(Details.REASON, reason);
        if (loginGovText != null) {
            event.detail(LOGINGOV_ERROR_DETAIL, loginGovText);
        }
        event.error(Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
        SignInMeter.failed(
                session.getContext().getRealm().getName(), alias, outcome, code, SignInLevels.asked(authSession));
    }
}
