package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * In front of one endpoint: answers as the endpoint's current {@link Outage} says, or lets the
 * endpoint answer, its answer reshaped by the variations set in {@link Outages} (media type, token
 * errors as problem details) through {@link ReshapedExchange}.
 */
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
    public void handle(HttpExchange received) throws IOException {
        Optional<Outage> outage = outages.active(endpoint);
        HttpExchange exchange = reshaped(received, outage.orElse(Outage.NONE) == Outage.TRICKLE);
        if (outage.isEmpty()) {
            handler.handle(exchange);
            return;
        }
        LOG.log(Level.INFO, "outage: {0} {1}", endpoint, outage.get());
        if (outage.get() != Outage.TRICKLE && outage.get() != Outage.SLOW) {
            outages.countOutageAnswer(endpoint); // the endpoint itself never sees this request
        }
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
            case TOO_MANY_REQUESTS -> {
                if (outages.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", outages.retryAfter());
                }
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                HttpExchanges.send(exchange, 429, "text/plain; charset=utf-8", "Retry later\n");
            }
            case TRICKLE, NONE -> handler.handle(exchange);
        }
    }

    /** The exchange as the endpoint's variations (and a trickle) shape its answer; itself when none applies. */
    private HttpExchange reshaped(HttpExchange exchange, boolean trickle) {
        String contentType = outages.mediaType(endpoint).orElse(null);
        boolean problem = endpoint == Outages.Endpoint.TOKEN && outages.tokenErrorsAsProblemDetails();
        if (contentType == null && !problem && !trickle) {
            return exchange;
        }
        return new ReshapedExchange(exchange, contentType, problem, trickle ? outages.trickleInterval() : null);
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
