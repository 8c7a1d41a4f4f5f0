package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /openid_connect/authorize}: validates, then signs in, shows the picker, or refuses. */
final class AuthorizeEndpoint implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(AuthorizeEndpoint.class.getName());

    private final SimulatorContext context;
    private final SignInFlow signIn;

    AuthorizeEndpoint(SimulatorContext context, SignInFlow signIn) {
        this.context = context;
        this.signIn = signIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = HttpExchanges.query(exchange);
        String recordId = SimulatorContext.newId();
        RecordedAuthorization recorded = new RecordedAuthorization(
                recordId,
                context.clock.instant(),
                parameters,
                RecordedAuthorization.Outcome.AWAITING_PERSONA,
                null,
                null,
                null,
                null,
                null);
        AuthorizationValidator.Result result =
                AuthorizationValidator.validate(recordId, parameters, context::serviceProvider);
        if (result instanceof AuthorizationValidator.ErrorPage page) {
            context.recorder.record(recorded.ended(
                    RecordedAuthorization.Outcome.ERROR_PAGE, null, null, "error_page", page.message(), null));
            LOG.log(
                    Level.INFO,
                    "authorize: client={0} -> error page: {1}",
                    parameters.get("client_id"),
                    page.message());
            HttpExchanges.sendHtml(exchange, 400, HtmlPage.error("This request cannot be handled", page.message()));
        } else if (result instanceof AuthorizationValidator.InvalidRequest invalid) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("error", "invalid_request");
            error.put("error_description", invalid.description());
            error.put("state", invalid.state());
            String location = RedirectUris.withParameters(invalid.redirectUri(), error);
            context.recorder.record(recorded.ended(
                    RecordedAuthorization.Outcome.REDIRECTED_WITH_ERROR,
                    null,
                    null,
                    "invalid_request",
                    invalid.description(),
                    location));
            LOG.log(
                    Level.INFO,
                    "authorize: client={0} -> invalid_request: {1}",
                    parameters.get("client_id"),
                    invalid.description());
            HttpExchanges.redirect(exchange, location);
        } else {
            context.recorder.record(recorded);
            answerValid(exchange, ((AuthorizationValidator.Valid) result).request());
        }
    }

    private void answerValid(HttpExchange exchange, AuthorizationRequest valid) throws IOException {
        AuthorizationFault fault = context.faults.takeAuthorizationFault().orElse(null);
        AuthorizationRequest request = withStateFault(valid, fault);
        if (fault == AuthorizationFault.CANCEL) {
            signIn.denyAccess(exchange, request, null, null);
        } else if (fault == AuthorizationFault.ERROR_WITH_HOSTILE_DESCRIPTION) {
            signIn.redirectWithError(
                    exchange, request, null, "invalid_request", AuthorizationFault.HOSTILE_DESCRIPTION);
        } else if (context.mode() == Mode.AUTOMATIC) {
            signIn.signIn(exchange, request, context.personaForAutomaticSignIn());
        } else {
            String pendingId = SimulatorContext.newId();
            context.pendingAuthorizations.put(pendingId, request, SimulatorContext.PENDING_PAGE_LIFETIME);
            LOG.log(
                    Level.INFO,
                    "authorize: client={0}, acr={1} -> persona picker",
                    request.client().clientId(),
                    request.acrValues().toParameter());
            HttpExchanges.sendHtml(
                    exchange,
                    200,
                    PersonaPickerPage.render(
                            request,
                            context.personas(),
                            context.internalUrl(SimulatorContext.SIGN_IN_PATH),
                            pendingId));
        }
    }

    /**
     * The state faults change only what is sent back, so the sign-in (automatic, or the picker's
     * later answer) still issues a valid code.
     */
    private static AuthorizationRequest withStateFault(AuthorizationRequest request, AuthorizationFault fault) {
        if (fault == AuthorizationFault.WRONG_STATE) {
            return request.withState("other-state-" + SimulatorContext.newId());
        }
        if (fault == AuthorizationFault.MISSING_STATE) {
            return request.withState(null);
        }
        return request;
    }
}
