package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /openid_connect/logout?client_id=...&post_logout_redirect_uri=...&state=...}.
 * Errors render a page and never redirect; {@code id_token_hint} is refused as production has
 * done since 2022-10-20. A person with a Login.gov session sees the confirmation page (unless a
 * test switched it off with {@link LogoutConfirmation#NEVER}); without one, the redirect is immediate.
 */
final class LogoutEndpoint implements HttpHandler {
    static final String ID_TOKEN_HINT_REFUSED =
            "id_token_hint is not supported: Login.gov has refused it since" + " 2022-10-20. Send client_id instead.";

    private static final System.Logger LOG = System.getLogger(LogoutEndpoint.class.getName());

    private final SimulatorContext context;
    private final LogoutFlow flow;

    LogoutEndpoint(SimulatorContext context, LogoutFlow flow) {
        this.context = context;
        this.flow = flow;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = HttpExchanges.query(exchange);
        RecordedLogout recorded = new RecordedLogout(
                SimulatorContext.newId(),
                context.clock.instant(),
                parameters,
                RecordedLogout.Outcome.CONFIRMATION_SHOWN,
                null,
                null);
        String error = error(parameters);
        if (error != null) {
            context.recorder.record(new RecordedLogout(
                    recorded.id(), recorded.receivedAt(), parameters, RecordedLogout.Outcome.ERROR_PAGE, null, error));
            LOG.log(Level.INFO, "logout: client={0} -> error page: {1}", parameters.get("client_id"), error);
            HttpExchanges.sendHtml(exchange, 400, HtmlPage.error("This sign-out request cannot be handled", error));
            return;
        }
        context.recorder.record(recorded);
        String clientId = parameters.get("client_id");
        String redirectUri = parameters.get("post_logout_redirect_uri");
        String state = parameters.get("state");
        Optional<String> session = context.sessions.current(exchange);
        // As identity-idp since #12048: a signed-in person is always asked, in any mode; without a
        // session there is nobody to ask and the redirect is immediate.
        if (session.isEmpty()) {
            flow.signOut(
                    exchange,
                    recorded.id(),
                    null,
                    redirectUri,
                    state,
                    RecordedLogout.Outcome.REDIRECTED_WITHOUT_SESSION);
        } else if (context.logoutConfirmation() == LogoutConfirmation.NEVER) {
            flow.signOut(
                    exchange,
                    recorded.id(),
                    session.get(),
                    redirectUri,
                    state,
                    RecordedLogout.Outcome.REDIRECTED_AUTO_CONFIRMED);
        } else {
            String pendingId = SimulatorContext.newId();
            context.pendingLogouts.put(
                    pendingId,
                    new SimulatorContext.PendingLogout(recorded.id(), clientId, redirectUri, state, session.get()),
                    SimulatorContext.PENDING_PAGE_LIFETIME);
            LOG.log(Level.INFO, "logout: client={0} -> confirmation page", clientId);
            HttpExchanges.sendHtml(
                    exchange,
                    200,
                    LogoutPages.confirmation(
                            clientId, context.internalUrl(SimulatorContext.LOGOUT_ANSWER_PATH), pendingId));
        }
    }

    private String error(Map<String, String> parameters) {
        if (parameters.containsKey("id_token_hint")) {
            return ID_TOKEN_HINT_REFUSED;
        }
        String clientId = parameters.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            return "client_id is required";
        }
        Optional<ServiceProvider> client = context.serviceProvider(clientId);
        if (client.isEmpty()) {
            return AuthorizationValidator.BAD_CLIENT_ID;
        }
        String redirectUri = parameters.get("post_logout_redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            return "post_logout_redirect_uri is required";
        }
        if (!client.get().acceptsPostLogoutRedirectUri(redirectUri)) {
            return "post_logout_redirect_uri does not match a registered redirect_uri";
        }
        String state = parameters.get("state");
        if (state != null && state.length() < LoginGovProtocol.MIN_STATE_LENGTH) {
            return "State is too short (minimum is " + LoginGovProtocol.MIN_STATE_LENGTH + " characters)";
        }
        return null;
    }
}
