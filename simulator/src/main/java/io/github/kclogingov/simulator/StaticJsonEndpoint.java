package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON document fixed at start: discovery. */
final class StaticJsonEndpoint implements HttpHandler {
    private final Map<String, Object> document;
    private final String cacheControl;

    StaticJsonEndpoint(Map<String, Object> document, String cacheControl) {
        this.document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
        this.cacheControl = cacheControl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpExchanges.sendJson(exchange, 200, document, cacheControl);
    }
}
