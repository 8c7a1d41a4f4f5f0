package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code POST /simulator/sign-in}: the persona picker's answer. */
final class SignInEndpoint implements HttpHandler {
    private final SimulatorContext context;
    private final SignInFlow signIn;

    SignInEndpoint(SimulatorContext context, SignInFlow signIn) {
        this.context = context;
        this.signIn = signIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = HttpExchanges.form(exchange);
        Optional<AuthorizationRequest> pending =
                context.pendingAuthorizations.take(form.get(PersonaPickerPage.REQUEST_FIELD));
        if (pending.isEmpty()) {
            HttpExchanges.sendHtml(exchange, 400, HtmlPage.expiredSignIn());
            return;
        }
        if (form.containsKey(PersonaPickerPage.CANCEL_FIELD)) {
            signIn.denyAccess(exchange, pending.get(), null, null);
            return;
        }
        Optional<Persona> persona = context.persona(form.get(PersonaPickerPage.PERSONA_FIELD));
        if (persona.isEmpty()) {
            // Let the person choose again rather than lose the application's request.
            context.pendingAuthorizations.put(
                    form.get(PersonaPickerPage.REQUEST_FIELD), pending.get(), SimulatorContext.PENDING_PAGE_LIFETIME);
            HttpExchanges.sendHtml(
                    exchange, 400, HtmlPage.error("Unknown persona", "Go back and choose one of the listed personas."));
            return;
        }
        signIn.signIn(exchange, pending.get(), persona.get());
    }
}
