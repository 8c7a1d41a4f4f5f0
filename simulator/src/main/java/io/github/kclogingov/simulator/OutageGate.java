package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/** In front of one endpoint: answers as the endpoint's current {@link Outage} says, or lets the endpoint answer. */
final class OutageGate implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(OutageGate.class.getName());

    private final Outages outages;
    private final Outages.Endpoint endpoint;
    private final HttpHandler handler;

    OutageGate(Outages outages, Outages.Endpoint endpoint, HttpHandler handler) {
        this.outages = outages;
        this.endpoint = endpoint;
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<Outage> outage = outages.active(endpoint);
        if (outage.isEmpty()) {
            handler.handle(exchange);
            return;
        }
        LOG.log(Level.INFO, "outage: {0} {1}", endpoint, outage.get());
        switch (outage.get()) {
            case REFUSE -> exchange.close(); // no status line sent: the connection just closes
            case HTTP_500 ->
                HttpExchanges.sendHtml(
                        exchange, 500, HtmlPage.error("Internal Server Error", "Login.gov is having trouble."));
            case HTML ->
                HttpExchanges.sendHtml(
                        exchange, 200, HtmlPage.error("Scheduled maintenance", "Login.gov will be back shortly."));
            case SLOW -> {
                pause(exchange);
                handler.handle(exchange);
            }
            case HANG -> {
                try {
                    outages.hang();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case NONE -> handler.handle(exchange);
        }
    }

    private void pause(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(outages.slowDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            throw new IOException("simulator stopping");
        }
    }
}
