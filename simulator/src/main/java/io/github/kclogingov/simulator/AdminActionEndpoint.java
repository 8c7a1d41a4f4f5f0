package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;

/** An admin request that takes no parameters and does one thing (clear the faults, rotate the keys). */
final class AdminActionEndpoint implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(AdminActionEndpoint.class.getName());

    private final String name;
    private final Runnable action;

    AdminActionEndpoint(String name, Runnable action) {
        this.name = name;
        this.action = action;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The body is not read: there is nothing in it to honour.
        action.run();
        LOG.log(Level.INFO, "admin: {0}", name);
        HttpExchanges.noContent(exchange);
    }
}
