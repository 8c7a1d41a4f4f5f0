package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code POST simulator/admin/jwks}: sets the {@link JwksOptions} over HTTP; a parameter left out keeps its value. */
final class JwksAdminEndpoint implements HttpHandler {
    static final String UNKNOWN_KEY_TYPES = "unknownKeyTypes";
    static final String SINGLE_KEY = "singleKey";

    private static final System.Logger LOG = System.getLogger(JwksAdminEndpoint.class.getName());

    private final JwksOptions options;

    JwksAdminEndpoint(JwksOptions options) {
        this.options = options;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<Boolean> unknownKeyTypes;
        Optional<Boolean> singleKey;
        try {
            AdminForm form = AdminForm.read(exchange, Set.of(UNKNOWN_KEY_TYPES, SINGLE_KEY));
            unknownKeyTypes = form.flag(UNKNOWN_KEY_TYPES);
            singleKey = form.flag(SINGLE_KEY);
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        unknownKeyTypes.ifPresent(options::publishUnknownKeyTypes);
        singleKey.ifPresent(options::publishSingleKey);
        LOG.log(
                Level.INFO,
                "admin: JWKS unknownKeyTypes={0}, singleKey={1}",
                options.unknownKeyTypes(),
                options.singleKey());
        HttpExchanges.noContent(exchange);
    }
}
