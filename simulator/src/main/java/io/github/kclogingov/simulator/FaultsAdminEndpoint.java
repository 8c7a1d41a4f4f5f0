package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/faults}: sets one-shot faults over HTTP, as {@link Faults} does in
 * Java, for a simulator in another process. Every value is checked before any is set, so a refused
 * request changes nothing.
 */
final class FaultsAdminEndpoint implements HttpHandler {
    static final String ID_TOKEN = "idToken";
    static final String USERINFO = "userinfo";
    static final String AUTHORIZATION = "authorization";
    static final String TOKEN_ERROR = "tokenError";

    private static final System.Logger LOG = System.getLogger(FaultsAdminEndpoint.class.getName());

    private final Faults faults;

    FaultsAdminEndpoint(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<IdTokenFault> idToken;
        Optional<UserinfoFault> userinfo;
        Optional<AuthorizationFault> authorization;
        Optional<String> tokenError;
        try {
            AdminForm form = AdminForm.read(exchange, Set.of(ID_TOKEN, USERINFO, AUTHORIZATION, TOKEN_ERROR));
            idToken = form.constant(ID_TOKEN, IdTokenFault.class);
            userinfo = form.constant(USERINFO, UserinfoFault.class);
            authorization = form.constant(AUTHORIZATION, AuthorizationFault.class);
            tokenError = form.text(TOKEN_ERROR);
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        idToken.ifPresent(faults::nextIdToken);
        userinfo.ifPresent(faults::nextUserinfo);
        authorization.ifPresent(faults::nextAuthorization);
        tokenError.ifPresent(faults::nextTokenError);
        LOG.log(
                Level.INFO,
                "admin: faults set: idToken={0}, userinfo={1}, authorization={2}, tokenError={3}",
                idToken.orElse(null),
                userinfo.orElse(null),
                authorization.orElse(null),
                tokenError.isPresent());
        HttpExchanges.noContent(exchange);
    }
}
