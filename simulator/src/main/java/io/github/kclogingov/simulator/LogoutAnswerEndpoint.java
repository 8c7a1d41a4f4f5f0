package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code POST /simulator/logout}: "Yes, sign out" returns to the relying party, "No" goes to the account page. */
final class LogoutAnswerEndpoint implements HttpHandler {
    private final SimulatorContext context;
    private final LogoutFlow flow;

    LogoutAnswerEndpoint(SimulatorContext context, LogoutFlow flow) {
        this.context = context;
        this.flow = flow;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = HttpExchanges.form(exchange);
        Optional<SimulatorContext.PendingLogout> pending =
                context.pendingLogouts.take(form.get(LogoutPages.LOGOUT_FIELD));
        if (pending.isEmpty()) {
            HttpExchanges.sendHtml(
                    exchange,
                    400,
                    HtmlPage.error("This sign-out page has expired", "It was already answered, or is too old."));
            return;
        }
        SimulatorContext.PendingLogout logout = pending.get();
        if (LogoutPages.ANSWER_YES.equals(form.get(LogoutPages.ANSWER_FIELD))) {
            flow.signOut(
                    exchange,
                    logout.recordId(),
                    logout.session(),
                    logout.postLogoutRedirectUri(),
                    logout.state(),
                    RecordedLogout.Outcome.CONFIRMED);
            return;
        }
        String account = context.internalUrl(SimulatorContext.ACCOUNT_PATH);
        context.recorder.updateLogout(
                logout.recordId(), recorded -> recorded.ended(RecordedLogout.Outcome.DECLINED, account));
        HttpExchanges.redirect(exchange, account);
    }
}
