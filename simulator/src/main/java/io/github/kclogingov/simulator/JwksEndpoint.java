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
    private final JwkMembers members = new JwkMembers();

    JwksEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        context.recorder.record(new RecordedJwksRequest(context.clock.instant()));
        HttpExchanges.sendJson(exchange, 200, Map.of("keys", keys()), ONE_WEEK);
    }

    /**
     * Primary first, then the secondary unless a single key is asked for (the secondary only when
     * the signing key is withheld; the primary without kid when asked), each with the members the
     * options ask for, then any unusable entries.
     */
    private List<Map<String, Object>> keys() {
        JwksOptions options = context.jwksOptions;
        List<Map<String, Object>> keys = new ArrayList<>();
        List<RSAKey> published = context.keys.published();
        if (options.kidlessSingleKey()) {
            keys.add(members.of(published.get(0), options, false));
        } else {
            int first = options.withoutSigningKey() ? 1 : 0;
            int count = options.singleKey() && !options.withoutSigningKey() ? 1 : published.size();
            for (int i = first; i < count; i++) {
                keys.add(members.of(published.get(i), options, true));
            }
        }
        if (context.jwksOptions.unknownKeyTypes()) {
            keys.addAll(context.unusableKeys.entries());
        }
        return keys;
    }
}
