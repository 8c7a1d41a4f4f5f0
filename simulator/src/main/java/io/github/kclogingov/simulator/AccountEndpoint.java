package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /simulator/account}: where "No, go to my account" leads; a dead end, as in production. */
final class AccountEndpoint implements HttpHandler {
    private final SimulatorContext context;

    AccountEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Persona persona = context.sessions
                .current(exchange)
                .flatMap(context.sessions::personaOf)
                .flatMap(context::persona)
                .orElse(null);
        HttpExchanges.sendHtml(exchange, 200, LogoutPages.account(persona));
    }
}
