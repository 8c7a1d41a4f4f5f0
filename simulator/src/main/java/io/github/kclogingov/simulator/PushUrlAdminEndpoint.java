package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;

/** {@code POST simulator/admin/push-url}: registers a service provider's push URL ({@code url} empty: none). */
final class PushUrlAdminEndpoint implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(PushUrlAdminEndpoint.class.getName());

    private final SimulatorContext context;

    PushUrlAdminEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> form = HttpExchanges.form(exchange);
            if (!Set.of("clientId", "url").containsAll(form.keySet()) || !form.containsKey("clientId")) {
                throw new AdminForm.Invalid("Send clientId and url (empty to remove it)");
            }
            String url = form.getOrDefault("url", "");
            context.pushUrl(form.get("clientId"), url.isBlank() ? null : url);
            LOG.log(Level.INFO, "admin: push URL of {0} set", form.get("clientId"));
        } catch (AdminForm.Invalid | IllegalArgumentException e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        HttpExchanges.noContent(exchange);
    }
}
