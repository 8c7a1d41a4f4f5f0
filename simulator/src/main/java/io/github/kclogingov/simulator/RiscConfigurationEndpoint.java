package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/risc-configuration}: Login.gov's RISC metadata (identity-idp's {@code
 * RiscConfigurationPresenter}): the issuer, its JWKS, and the push delivery method with the URL
 * partners send their security events to. Login.gov's OpenID discovery does not name that URL.
 */
final class RiscConfigurationEndpoint implements HttpHandler {
    static final String PUSH_DELIVERY = "https://schemas.openid.net/secevent/risc/delivery-method/push";

    private final Map<String, Object> document = new LinkedHashMap<>();

    RiscConfigurationEndpoint(SimulatorContext context) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("delivery_method", PUSH_DELIVERY);
        delivery.put("url", context.partnerEventsUrl());
        document.put("issuer", context.endpoints.issuer());
        document.put("jwks_uri", context.endpoints.jwks());
        document.put("delivery_methods_supported", List.of(PUSH_DELIVERY));
        document.put("delivery", List.of(delivery));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // No caching header of its own at Login.gov: Rails' default.
        HttpExchanges.sendJson(exchange, 200, document, "max-age=0, private, must-revalidate");
    }
}
