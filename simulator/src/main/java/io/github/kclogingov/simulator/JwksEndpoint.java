package io.github.kclogingov.simulator;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/openid_connect/certs}: the public keys as they are now (a rotation or a
 * {@link JwksOptions} change shows at the next fetch). Every fetch is recorded, so a test can tell
 * whether a relying party re-fetched or used its cache.
 */
final class JwksEndpoint implements HttpHandler {
    /** Production lets relying parties cache the JWKS for a week. */
    static final String ONE_WEEK = "public, max-age=604800";

    private final SimulatorContext context;

    JwksEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        context.recorder.record(new RecordedJwksRequest(context.clock.instant()));
        HttpExchanges.sendJson(exchange, 200, Map.of("keys", keys()), ONE_WEEK);
    }

    /** Primary first, then the secondary unless a single key is asked for, then any unusable entries. */
    private List<Map<String, Object>> keys() {
        List<Map<String, Object>> keys = new ArrayList<>();
        List<RSAKey> published = context.keys.published();
        int count = context.jwksOptions.singleKey() ? 1 : published.size();
        for (int i = 0; i < count; i++) {
            keys.add(published.get(i).toPublicJWK().toJSONObject());
        }
        if (context.jwksOptions.unknownKeyTypes()) {
            keys.addAll(context.unusableKeys.entries());
        }
        return keys;
    }
}
