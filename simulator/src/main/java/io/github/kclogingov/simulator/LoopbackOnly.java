package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Lets only callers on this machine reach the admin API: a simulator bound to {@code 0.0.0.0} for
 * a container must not let anyone on the network switch its faults or keys. Others get 403.
 */
final class LoopbackOnly implements HttpHandler {
    static final String REFUSED = "The simulator's admin API answers loopback callers only";

    private final HttpHandler handler;

    LoopbackOnly(HttpHandler handler) {
        this.handler = handler;
    }

    static boolean permits(InetSocketAddress caller) {
        InetAddress address = caller == null ? null : caller.getAddress();
        return address != null && address.isLoopbackAddress();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (permits(exchange.getRemoteAddress())) {
            handler.handle(exchange);
        } else {
            HttpExchanges.sendJson(exchange, 403, Map.of("error", REFUSED));
        }
    }
}
