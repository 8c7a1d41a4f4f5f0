package io.github.kclogingov.broker.stepup;

import io.github.kclogingov.broker.assurance.AssertionFreshness;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.assurance.EarlierLevelRequest;
import io.github.kclogingov.broker.assurance.RequestedLevels;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.protocol.AcrValues;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Keycloak's cookie (single sign-on) authenticator, aware of Login.gov's assurance. For a session
 * that Login.gov signed in, it compares what Login.gov asserted with the level the application now
 * asks for, on both axes: when the session meets it, single sign-on as usual, with Keycloak's
 * achieved level set from the assertion; when it does not, the person goes straight back to the
 * same Login.gov provider with the higher level (step-up), and the session is raised on return.
 *
 * <p>The assertion is reused only while it is fresh ({@link AssertionFreshness}) and only for the
 * provider that received it; a passive request ({@code prompt=none}) is never sent anywhere.
 *
 * <p>The stock cookie authenticator compares level numbers remembered per authentication-flow
 * condition, which a brokered login never sets, so it would show the login page for every
 * request with a level. Any other session (a local login, another identity provider, a forced
 * re-authentication) is left to the stock behaviour.
 */
public class LoginGovCookieAuthenticator extends CookieAuthenticator {

    private static final Logger LOG = Logger.getLogger(LoginGovCookieAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        AuthenticationManager.AuthResult cookie =
                AuthenticationManager.authenticateIdentityCookie(session, context.getRealm(), true);
        Optional<LoginGovSession> loginGov =
                cookie == null ? Optional.empty() : LoginGovSession.of(session, cookie.session());
        if (loginGov.isEmpty() || isOutsideStepUp(context, cookie.session())) {
            super.authenticate(context);
            return;
        }
        RequestedLevels requested = RequestedLevels.of(authSession);
        AcrValues needed;
        LoginGovSettings settings;
        try {
            settings = loginGov.get().config().settings();
            needed = requested.loginGovLevel(settings.levelPolicy());
        } catch (LoginGovLoginException | InvalidSettingsException e) {
            // Login.gov cannot be asked for this level, or the provider is misconfigured; its provider shows the person
            // why.
            stepUp(context, loginGov.get());
            return;
        }
        AssertionFreshness freshness = new AssertionFreshness(settings.ialMaxAge(), settings.aalMaxAge());
        Instant now = Instant.ofEpochSecond(Time.currentTime());
        Optional<String> stale = freshness.staleAxis(loginGov.get().asserted(), needed, now);
        if (loginGov.get().asserted().level().meets(needed) && stale.isEmpty()) {
            singleSignOn(
                    context,
                    cookie,
                    loginGov.get(),
                    requested,
                    settings,
                    freshness.reusable(loginGov.get().asserted(), now));
        } else if (TokenUtil.hasPrompt(
                authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM), OIDCLoginProtocol.PROMPT_VALUE_NONE)) {
            // A passive request cannot be sent to Login.gov; the flow answers login_required.
            context.attempted();
        } else {
            stale.ifPresent(reason -> LOG.debugf("Login.gov assertion of the session is stale: %s", reason));
            stepUp(context, loginGov.get());
        }
    }

    /** Forced re-authentication, forked flows and organizations keep Keycloak's own handling. */
    private static boolean isOutsideStepUp(AuthenticationFlowContext context, UserSessionModel userSession) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginProtocol protocol = context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol());
        return protocol == null
                || protocol.requireReauthentication(userSession, authSession)
                || AuthenticatorUtil.isForkedFlow(authSession)
                || context.getRealm().isOrganizationsEnabled();
    }

    private static void singleSignOn(
            AuthenticationFlowContext context,
            AuthenticationManager.AuthResult cookie,
            LoginGovSession loginGov,
            RequestedLevels requested,
            LoginGovSettings settings,
            Predicate<AcrValues> reusable) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(Constants.LOA_MAP, cookie.session().getNote(Constants.LOA_MAP));
        context.setUser(cookie.user());
        AcrStore acrStore = new AcrStore(context.getSession(), authSession);
        acrStore.setLevelAuthenticatedToCurrentRequest(requested
                .achievedLoa(loginGov.asserted().level(), settings.assuranceNames(), reusable)
                .orElse(Constants.MINIMUM_LOA));
        EarlierLevelRequest.forget(cookie.session(), authSession);
        authSession.setAuthNote(AuthenticationManager.SSO_AUTH, "true");
        AuthenticatorUtils.updateCompletedExecutions(
                authSession, cookie.session(), context.getExecution().getId());
        context.attachUserSession(cookie.session());
        context.success();
    }

    /**
     * Sends the person to the Login.gov provider of their session, which asks for the level now
     * requested, raised to what the session already has so that neither axis goes down.
     */
    private static void stepUp(AuthenticationFlowContext context, LoginGovSession loginGov) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (TokenUtil.hasPrompt(
                authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM), OIDCLoginProtocol.PROMPT_VALUE_NONE)) {
            // Never a page for a passive request, not even the one saying why Login.gov cannot be asked.
            context.attempted();
            return;
        }
        if (context.getForwardedErrorMessage() != null) {
            // The flow runs again after Login.gov failed (unavailable): the login page says why and
            // offers its button, instead of sending the person straight back into the outage.
            context.attempted();
            return;
        }
        AssuranceNotes.recordSessionLevel(authSession, loginGov.asserted().level());
        String accessCode =
                new ClientSessionCode<>(context.getSession(), context.getRealm(), authSession).getOrGenerateCode();
        URI location = Urls.identityProviderAuthnRequest(
                context.getUriInfo().getBaseUri(),
                loginGov.alias(),
                context.getRealm().getName(),
                accessCode,
                authSession.getClient().getClientId(),
                authSession.getTabId(),
                AuthenticationProcessor.getClientData(context.getSession(), authSession),
                null);
        LOG.debugf("Session signed in through '%s' does not meet the requested level: step-up", loginGov.alias());
        context.forceChallenge(Response.seeOther(location).build());
    }
}
