package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST simulator/new-password}: the answer of {@link NewPasswordPage}. An accepted password
 * takes the persona off the reset list and the sign-in completes, as a fresh authentication; a
 * refused one shows the page again with what is wrong; Cancel answers {@code access_denied}.
 */
final class NewPasswordEndpoint implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(NewPasswordEndpoint.class.getName());

    private final SimulatorContext context;
    private final SignInFlow signIn;

    NewPasswordEndpoint(SimulatorContext context, SignInFlow signIn) {
        this.context = context;
        this.signIn = signIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = HttpExchanges.form(exchange);
        String pendingId = form.get(NewPasswordPage.REQUEST_FIELD);
        Optional<SimulatorContext.PendingNewPassword> pending = context.pendingNewPasswords.take(pendingId);
        Optional<Persona> persona = pending.flatMap(found -> context.persona(found.personaId()));
        if (pending.isEmpty() || persona.isEmpty()) {
            HttpExchanges.sendHtml(exchange, 400, HtmlPage.expiredSignIn());
            return;
        }
        AuthorizationRequest request = pending.get().request();
        if (form.containsKey(NewPasswordPage.CANCEL_FIELD)) {
            signIn.denyAccess(exchange, request, persona.get().id(), null);
            return;
        }
        List<String> problems = NewPasswordPage.problems(
                form.get(NewPasswordPage.PASSWORD_FIELD), form.get(NewPasswordPage.CONFIRMATION_FIELD));
        if (!problems.isEmpty()) {
            signIn.askForNewPassword(exchange, request, persona.get(), problems);
            return;
        }
        // The password itself is not kept: the persona is signed in by choosing it, as by its picker button.
        context.passwordResets.chosen(persona.get().id());
        LOG.log(Level.INFO, "persona {0}: new password chosen", persona.get().id());
        signIn.signIn(exchange, request, persona.get());
    }
}
