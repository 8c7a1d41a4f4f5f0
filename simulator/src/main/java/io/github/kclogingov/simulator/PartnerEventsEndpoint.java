package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.FraudEventType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST api/risc/security_events}: a security event a partner sends to Login.gov, answered as
 * identity-idp's {@code Risc::SecurityEventsController} answers: 202 with no body once accepted,
 * else 400 {@code {"err": code, "description": text}} ({@link PartnerEventForm}). Every request is
 * recorded; an accepted authorization-fraud-detected event resets the persona's password.
 */
final class PartnerEventsEndpoint implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(PartnerEventsEndpoint.class.getName());
    /** A Security Event Token is a few kilobytes; a larger body is read as no JWT at all. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final SimulatorContext context;
    private final PartnerEventForm.Registry registry;
    /** The duplicate check and the record of an accepted event happen as one step. */
    private final Object lock = new Object();

    PartnerEventsEndpoint(SimulatorContext context) {
        this.context = context;
        this.registry = new PartnerEventForm.Registry() {
            @Override
            public Optional<ServiceProvider> serviceProvider(String clientId) {
                return context.serviceProvider(clientId);
            }

            @Override
            public Optional<Persona> personaWithSubject(String clientId, String sub) {
                return context.personas().stream()
                        .filter(persona ->
                                Grant.pairwiseSubject(persona.id(), clientId).equals(sub))
                        .findFirst();
            }

            @Override
            public boolean alreadyAccepted(String clientId, String jti, String personaId) {
                return context.recorder.partnerEventAccepted(clientId, jti, personaId);
            }
        };
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        PartnerEventForm.Result result;
        synchronized (lock) {
            result = PartnerEventForm.check(body, registry, context.partnerEventsUrl());
            context.recorder.record(new ReceivedPartnerEvent(
                    context.clock.instant(),
                    result.clientId(),
                    result.jti(),
                    result.eventType(),
                    result.sub(),
                    result.persona() == null ? null : result.persona().id(),
                    result.occurredAt(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    result.accepted() ? 202 : 400,
                    result.err(),
                    result.description()));
        }
        // Client ids, persona ids and codes only: the description may quote what the request sent.
        LOG.log(
                Level.INFO,
                "security event from partner: client={0}, type={1}, persona={2} -> {3}",
                context.serviceProvider(result.clientId()).isPresent() ? result.clientId() : "unknown",
                result.type() == null ? "unknown" : result.type().configValue(),
                result.persona() == null ? "unknown" : result.persona().id(),
                result.accepted() ? "202" : "400 " + result.err());
        if (!result.accepted()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("err", result.err());
            answer.put("description", result.description());
            HttpExchanges.sendJson(exchange, 400, answer);
            return;
        }
        if (result.type() == FraudEventType.AUTHORIZATION_FRAUD_DETECTED) {
            context.resetPassword(result.persona().id());
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    /** The body as text, or null when it is larger than any Security Event Token. */
    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
