package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ends a valid authorization request: a persona signed in (code) or access denied. */
final class SignInFlow {
    /**
     * Production sends a person who has not completed identity verification to the agency's
     * failure-to-proof URL; the simulator, which has none, answers access_denied with this text.
     */
    static final String NOT_VERIFIED = "identity verification not completed";

    private static final System.Logger LOG = System.getLogger(SignInFlow.class.getName());

    private final SimulatorContext context;

    SignInFlow(SimulatorContext context) {
        this.context = context;
    }

    /**
     * Signs the persona in, or denies access when its proofing cannot reach the requested level;
     * first, a persona whose password Login.gov reset is asked for a new one.
     */
    void signIn(HttpExchange exchange, AuthorizationRequest request, Persona persona) throws IOException {
        if (context.passwordResets.required(persona.id())) {
            askForNewPassword(exchange, request, persona, List.of());
            return;
        }
        Optional<IdentityAssurance> asserted = request.acrValues().ial().assertedFor(persona.proofing());
        if (asserted.isEmpty()) {
            denyAccess(exchange, request, persona.id(), NOT_VERIFIED);
            return;
        }
        Instant authenticatedAt = authenticationTime(exchange, request, persona);
        String session = context.sessions.signIn(exchange, persona.id(), authenticatedAt);
        Grant grant = new Grant(request, persona, asserted.get(), authenticatedAt, session);
        String code = context.codes.issue(grant);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", request.state());
        String location = RedirectUris.withParameters(request.redirectUri(), parameters);
        context.recorder.update(
                request.recordId(),
                recorded -> recorded.ended(
                        RecordedAuthorization.Outcome.REDIRECTED_WITH_CODE, persona.id(), code, null, null, location));
        LOG.log(
                Level.INFO,
                "authorize: client={0}, persona={1}, acr={2} -> code",
                request.client().clientId(),
                persona.id(),
                request.acrValues().toParameter());
        HttpExchanges.redirect(exchange, location);
    }

    /** Shows the new-password step, with what was wrong with the last answer, if anything. */
    void askForNewPassword(HttpExchange exchange, AuthorizationRequest request, Persona persona, List<String> problems)
            throws IOException {
        String pendingId = SimulatorContext.newId();
        context.pendingNewPasswords.put(
                pendingId,
                new SimulatorContext.PendingNewPassword(request, persona.id()),
                SimulatorContext.PENDING_PAGE_LIFETIME);
        LOG.log(
                Level.INFO,
                "authorize: client={0}, persona={1} -> new password asked{2}",
                request.client().clientId(),
                persona.id(),
                problems.isEmpty() ? "" : " again");
        HttpExchanges.sendHtml(
                exchange,
                200,
                NewPasswordPage.render(
                        persona, context.internalUrl(SimulatorContext.NEW_PASSWORD_PATH), pendingId, problems));
    }

    /**
     * {@code prompt=login} (accepted only from a client allowed to re-authenticate) means a fresh
     * authentication; otherwise the browser's sign-in session for the same persona is reused, with
     * the time it authenticated, and without one the person authenticates now.
     */
    private Instant authenticationTime(HttpExchange exchange, AuthorizationRequest request, Persona persona) {
        Instant now = context.clock.instant();
        if (request.freshAuthentication()) {
            return now;
        }
        return context.sessions.authenticatedAt(exchange, persona.id()).orElse(now);
    }

    /** The person cancelled (description null) or could not be signed in at the level. */
    void denyAccess(HttpExchange exchange, AuthorizationRequest request, String personaId, String description)
            throws IOException {
        redirectWithError(exchange, request, personaId, "access_denied", description);
    }

    /** Sends the browser back to the relying party with an error (and the request's state). */
    void redirectWithError(
            HttpExchange exchange, AuthorizationRequest request, String personaId, String error, String description)
            throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", request.state());
        String location = RedirectUris.withParameters(request.redirectUri(), parameters);
        context.recorder.update(
                request.recordId(),
                recorded -> recorded.ended(
                        RecordedAuthorization.Outcome.REDIRECTED_WITH_ERROR,
                        personaId,
                        null,
                        error,
                        description,
                        location));
        LOG.log(
                Level.INFO,
                "authorize: client={0}, persona={1}, acr={2} -> {3}",
                request.client().clientId(),
                personaId,
                request.acrValues().toParameter(),
                error);
        HttpExchanges.redirect(exchange, location);
    }
}
