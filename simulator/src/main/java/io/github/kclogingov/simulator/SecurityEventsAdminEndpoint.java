package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.SecurityEventType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/security-events}: sends a security event for a persona, as {@link
 * SecurityEvents} does in Java, to one client ({@code clientId}) or to every client with a push
 * URL. Answers 200 with each delivery's client, status, attempts and {@code jti}, once sent.
 */
final class SecurityEventsAdminEndpoint implements HttpHandler {
    static final String PERSONA = "persona";
    static final String EVENT = "event";
    static final String CLIENT_ID = "clientId";

    private final SimulatorContext context;

    SecurityEventsAdminEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String persona;
        SecurityEventType type;
        Optional<String> clientId;
        try {
            AdminForm form = AdminForm.read(exchange, Set.of(PERSONA, EVENT, CLIENT_ID));
            persona = form.text(PERSONA).orElseThrow(() -> new AdminForm.Invalid("persona is required"));
            if (context.persona(persona).isEmpty()) {
                throw new AdminForm.Invalid("Unknown persona; known: "
                        + context.personas().stream().map(Persona::id).toList());
            }
            String event = form.text(EVENT).orElseThrow(() -> new AdminForm.Invalid("event is required"));
            type = SecurityEventNames.fromShortName(event)
                    .orElseThrow(() -> new AdminForm.Invalid("Unknown event; known: " + SecurityEventNames.known()));
            clientId = form.text(CLIENT_ID);
            if (clientId.isPresent()
                    && context.serviceProvider(clientId.get())
                            .flatMap(ServiceProvider::pushUrl)
                            .isEmpty()) {
                throw new AdminForm.Invalid("No service provider with that clientId has a push URL");
            }
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        List<SecurityEventDelivery> deliveries = clientId.isPresent()
                ? List.of(context.securityEvents.send(persona, type, clientId.get()))
                : context.securityEvents.send(persona, type);
        HttpExchanges.sendJson(
                exchange,
                200,
                Map.of(
                        "deliveries",
                        deliveries.stream()
                                .map(SecurityEventsAdminEndpoint::json)
                                .toList()));
    }

    private static Map<String, Object> json(SecurityEventDelivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientId", delivery.clientId());
        json.put("pushUrl", delivery.pushUrl());
        json.put("event", delivery.eventType());
        json.put("jti", delivery.jti());
        json.put("attempts", delivery.attempts());
        json.put("status", delivery.status());
        return json;
    }
}
