package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dispatches on the exact path (the JDK server matches contexts by prefix) and method, answers 404 for
 * anything else, and turns an unexpected exception into a 500 instead of a dropped connection.
 */
final class Router implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

    /** A handler that sees every method (it answers the wrong ones itself). */
    Router route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** A handler for one method; any other method gets 405 with an {@code Allow} header. */
    Router route(String path, String method, HttpHandler handler) {
        return route(path, exchange -> {
            if (method.equals(exchange.getRequestMethod())) {
                handler.handle(exchange);
            } else {
                HttpExchanges.methodNotAllowed(exchange, method);
            }
        });
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            HttpHandler handler = routes.get(exchange.getRequestURI().getRawPath());
            if (handler == null) {
                HttpExchanges.sendHtml(exchange, 404, HtmlPage.error("Not found", "The simulator has no page here."));
            } else {
                handler.handle(exchange);
            }
        } catch (RuntimeException | IOException e) {
            // The message may quote a request; the class and path are enough to find the bug.
            LOG.log(
                    Level.WARNING,
                    "{0} {1} failed: {2}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    e.getClass().getName());
            try {
                HttpExchanges.send(
                        exchange,
                        500,
                        "text/plain; charset=utf-8",
                        "The simulator failed: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }
}
