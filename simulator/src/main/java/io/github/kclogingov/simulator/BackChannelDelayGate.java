package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * In front of everything else (the throttle included), so that every answer of a back-channel
 * endpoint, whatever it is, comes after the endpoint's {@link BackChannelDelays round trip}: a 429,
 * a 405, an outage's answer or the endpoint's own. The wait holds one of the server's worker threads
 * ({@link LoginGovSimulator} has enough for a benchmark's concurrency), never its dispatcher.
 */
final class BackChannelDelayGate implements HttpHandler {
    private final BackChannelDelays delays;
    private final Map<String, Outages.Endpoint> endpointsByPath;
    private final HttpHandler handler;

    BackChannelDelayGate(BackChannelDelays delays, Map<String, Outages.Endpoint> endpointsByPath, HttpHandler handler) {
        this.delays = delays;
        this.endpointsByPath = Map.copyOf(endpointsByPath);
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Outages.Endpoint endpoint = endpointsByPath.get(exchange.getRequestURI().getRawPath());
        if (endpoint != null) {
            try {
                delays.pause(endpoint);
            } catch (InterruptedException e) {
                // The simulator is stopping: no answer.
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        handler.handle(exchange);
    }
}
