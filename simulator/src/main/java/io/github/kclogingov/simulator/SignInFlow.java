package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
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

    /** Signs the persona in, or denies access when its proofing cannot reach the requested level. */
    void signIn(HttpExchange exchange, AuthorizationRequest request, Persona persona) throws IOException {
        Optional<IdentityAssurance> asserted = request.acrValues().ial().assertedFor(persona.proofing());
        if (asserted.isEmpty()) {
            denyAccess(exchange, request, persona.id(), NOT_VERIFIED);
            return;
        }
        Grant grant = new Grant(request, persona, asserted.get(), context.clock.instant());
        String code = context.codes.issue(grant);
        context.sessions.signIn(exchange, persona.id());
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

    /** The person cancelled (description null) or could not be signed in at the level. */
    void denyAccess(HttpExchange exchange, AuthorizationRequest request, String personaId, String description)
            throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", "access_denied");
        parameters.put("error_description", description);
        parameters.put("state", request.state());
        String location = RedirectUris.withParameters(request.redirectUri(), parameters);
        context.recorder.update(
                request.recordId(),
                recorded -> recorded.ended(
                        RecordedAuthorization.Outcome.REDIRECTED_WITH_ERROR,
                        personaId,
                        null,
                        "access_denied",
                        description,
                        location));
        LOG.log(
                Level.INFO,
                "authorize: client={0}, persona={1}, acr={2} -> access_denied",
                request.client().clientId(),
                personaId,
                request.acrValues().toParameter());
        HttpExchanges.redirect(exchange, location);
    }
}
