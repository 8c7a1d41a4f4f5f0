package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/** An admin request that reads something (GET): 200 with it as JSON, as things are now. */
final class AdminJsonEndpoint implements HttpHandler {
    private final Supplier<Map<String, ?>> answer;

    AdminJsonEndpoint(Supplier<Map<String, ?>> answer) {
        this.answer = answer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpExchanges.sendJson(exchange, 200, answer.get());
    }
}
