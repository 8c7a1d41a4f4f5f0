package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

/**
 * In front of every path but the admin API (which is the simulator's, not Login.gov's): a request
 * over the {@link RequestThrottle}'s limit gets what identity-idp's Rack::Attack responder sends,
 * HTTP 429 with {@code Content-Type: text/html} and its "rate limited" page, without a
 * {@code Retry-After} header, whatever the endpoint (a JSON API included).
 */
final class ThrottleGate implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(ThrottleGate.class.getName());

    private final RequestThrottle throttle;
    private final String exemptPathPrefix;
    private final HttpHandler handler;

    ThrottleGate(RequestThrottle throttle, String exemptPathPrefix, HttpHandler handler) {
        this.throttle = throttle;
        this.exemptPathPrefix = exemptPathPrefix;
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getRawPath().startsWith(exemptPathPrefix)
                || throttle.admit(address(exchange.getRemoteAddress()))) {
            handler.handle(exchange);
            return;
        }
        LOG.log(
                Level.INFO,
                "throttled: {0} {1}",
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath());
        exchange.getRequestBody().readAllBytes();
        HttpExchanges.send(exchange, 429, "text/html", rateLimitedPage());
    }

    private static String address(InetSocketAddress remote) {
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    /** Login.gov's own page says, in its words, to wait a few minutes; this one says the same in the simulator's. */
    static String rateLimitedPage() {
        return HtmlPage.render(
                "Too many requests",
                "<p>Login.gov has received too many requests from your address.</p>\n"
                        + "<p>Wait a few minutes, then try again.</p>\n");
    }
}
