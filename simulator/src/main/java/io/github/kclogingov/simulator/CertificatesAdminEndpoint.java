package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/certificates}: what an agency does in Login.gov's partner portal
 * during a key rotation, over HTTP. {@code clientId} names the service provider; {@code add} (a PEM
 * certificate) registers one more certificate beside the others, {@code remove} takes one away.
 * Exactly one of them per request.
 */
final class CertificatesAdminEndpoint implements HttpHandler {
    static final String CLIENT_ID = "clientId";
    static final String ADD = "add";
    static final String REMOVE = "remove";

    private final SimulatorContext context;

    CertificatesAdminEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            AdminForm form = AdminForm.read(exchange, Set.of(CLIENT_ID, ADD, REMOVE));
            String clientId = form.text(CLIENT_ID).orElseThrow(() -> new AdminForm.Invalid(CLIENT_ID + " is required"));
            Optional<String> add = form.text(ADD);
            Optional<String> remove = form.text(REMOVE);
            if (add.isPresent() == remove.isPresent()) {
                throw new AdminForm.Invalid("Send exactly one of " + ADD + " or " + REMOVE + " (a PEM certificate)");
            }
            if (add.isPresent()) {
                context.addCertificate(clientId, add.get());
            } else {
                context.removeCertificate(clientId, remove.get());
            }
        } catch (AdminForm.Invalid | IllegalArgumentException e) {
            // Both messages name the parameter or the registration, never echo a whole certificate.
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        HttpExchanges.noContent(exchange);
    }
}
