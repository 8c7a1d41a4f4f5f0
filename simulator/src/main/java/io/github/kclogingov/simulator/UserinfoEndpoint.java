package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/openid_connect/userinfo} with {@code Authorization: Bearer <access token>}. */
final class UserinfoEndpoint implements HttpHandler {
    static final String NO_AUTHORIZATION = "No Authorization header provided";
    static final String MALFORMED = "Malformed Authorization header";
    static final String NOT_FOUND =
            "Could not find authorization for the contents of the provided access_token" + " or it may have expired";

    private static final System.Logger LOG = System.getLogger(UserinfoEndpoint.class.getName());

    private final SimulatorContext context;

    UserinfoEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!"GET".equals(method)) {
            context.recorder.record(new RecordedUserinfo(
                    context.clock.instant(), method, bearer, null, null, 405, "method not allowed"));
            HttpExchanges.methodNotAllowed(exchange, "GET");
            return;
        }
        Optional<AccessTokens.Issued> issued =
                bearer ? context.accessTokens.find(header.substring(7).trim()) : Optional.empty();
        String error = header == null ? NO_AUTHORIZATION : !bearer ? MALFORMED : issued.isEmpty() ? NOT_FOUND : null;
        String clientId = issued.map(i -> i.grant().client().clientId()).orElse(null);
        String personaId = issued.map(i -> i.grant().persona().id()).orElse(null);
        int status = error == null ? 200 : 401;
        context.recorder.record(
                new RecordedUserinfo(context.clock.instant(), method, bearer, clientId, personaId, status, error));
        LOG.log(Level.INFO, "userinfo: client={0}, persona={1} -> {2}", clientId, personaId, status);
        if (error != null) {
            HttpExchanges.sendJson(exchange, 401, Map.of("error", error));
            return;
        }
        AccessTokens.Issued found = issued.get();
        // The token was found, so its session lives (AccessTokens), and what it holds is there.
        // The persona as it is now, not at sign-in: a token issued before an email change answers with the new one.
        Map<String, Object> released = ReleasedClaims.userinfo(
                context.current(found.grant()), found.assurance(), context.endpoints.issuer(), true);
        HttpExchanges.sendJsonText(
                exchange,
                200,
                UserinfoAnswer.text(
                        released, clientId, context.faults.takeUserinfoFault().orElse(null)));
    }
}
