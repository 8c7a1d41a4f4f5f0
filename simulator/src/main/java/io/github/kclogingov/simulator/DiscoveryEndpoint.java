package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /.well-known/openid-configuration}: the metadata, fixed at start. Every fetch is
 * recorded, so a benchmark can tell how often a relying party reads it during sign-ins.
 */
final class DiscoveryEndpoint implements HttpHandler {
    private final SimulatorContext context;
    private final Map<String, Object> document;

    DiscoveryEndpoint(SimulatorContext context) {
        this.context = context;
        this.document = Collections.unmodifiableMap(new LinkedHashMap<>(DiscoveryDocument.of(context.endpoints)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        context.recorder.record(new RecordedDiscoveryRequest(context.clock.instant()));
        HttpExchanges.sendJson(exchange, 200, document, "public, max-age=3600");
    }
}
