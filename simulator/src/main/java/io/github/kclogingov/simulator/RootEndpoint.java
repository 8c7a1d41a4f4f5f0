package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET} at the issuer URL: the simulator's own page for people, rendered as things are now. */
final class RootEndpoint implements HttpHandler {
    private final SimulatorContext context;

    RootEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpExchanges.sendHtml(exchange, 200, RootPage.render(context.endpoints, context.mode(), context.personas()));
    }
}
