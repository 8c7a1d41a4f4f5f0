package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ends the simulator session and returns to the relying party with its {@code state}. */
final class LogoutFlow {
    private static final System.Logger LOG = System.getLogger(LogoutFlow.class.getName());

    private final SimulatorContext context;

    LogoutFlow(SimulatorContext context) {
        this.context = context;
    }

    void signOut(
            HttpExchange exchange,
            String recordId,
            String session,
            String postLogoutRedirectUri,
            String state,
            RecordedLogout.Outcome outcome)
            throws IOException {
        if (session != null) {
            context.sessions.signOut(exchange, session);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("state", state);
        String location = RedirectUris.withParameters(postLogoutRedirectUri, parameters);
        context.recorder.updateLogout(recordId, recorded -> recorded.ended(outcome, location));
        LOG.log(Level.INFO, "logout: {0}", outcome);
        HttpExchanges.redirect(exchange, location);
    }
}
