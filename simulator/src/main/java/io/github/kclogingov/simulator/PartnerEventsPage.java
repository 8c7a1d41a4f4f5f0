package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.FraudEventType;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET simulator/partner-events}: the security events agencies sent to Login.gov (fraud
 * reports), newest first, each with Login.gov's answer, and the personas that must choose a new
 * password. For a person watching a demo; tests read the admin API. Any caller may read it, like the
 * simulator's other pages: it shows client ids, persona ids and pairwise subjects of fictional people.
 */
final class PartnerEventsPage implements HttpHandler {
    private final SimulatorContext context;

    PartnerEventsPage(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<p>Security events agencies sent to <code>")
                .append(HtmlPage.escape(context.partnerEventsUrl()))
                .append("</code>: an agency that finds fraud on an account tells Login.gov. ")
                .append("An accepted report of authorization fraud resets the person's password.</p>\n");
        List<Persona> waiting = context.personas().stream()
                .filter(persona -> context.passwordResets.required(persona.id()))
                .toList();
        body.append("<h2>Passwords reset</h2>\n");
        if (waiting.isEmpty()) {
            body.append("<p>No persona has to choose a new password.</p>\n");
        } else {
            body.append("<ul>\n");
            for (Persona persona : waiting) {
                body.append("<li>")
                        .append(HtmlPage.escape(persona.displayName()))
                        .append(" ")
                        .append(HtmlPage.urn(PersonaPickerPage.idInParentheses(persona)))
                        .append(": chooses a new password at the next sign-in</li>\n");
            }
            body.append("</ul>\n");
        }
        List<ReceivedPartnerEvent> events = context.recorder.partnerEvents();
        body.append("<h2>Received (").append(events.size()).append(")</h2>\n");
        if (events.isEmpty()) {
            body.append("<p>None yet.</p>\n");
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            body.append(entry(events.get(i)));
        }
        body.append("<p><a href=\"")
                .append(HtmlPage.escape(context.endpoints.issuer()))
                .append("\">The simulator's page</a></p>\n");
        HttpExchanges.sendHtml(exchange, 200, HtmlPage.render("Security events from agencies", body.toString()));
    }

    private static String entry(ReceivedPartnerEvent event) {
        String answer = event.accepted()
                ? "Accepted (HTTP 202)"
                : "Refused (HTTP 400, " + event.err() + "): " + event.description();
        return "<section class=\"persona\">\n<p><strong>" + HtmlPage.escape(typeInWords(event.eventType()))
                + "</strong> " + HtmlPage.urn(event.receivedAt().toString()) + "</p>\n<ul>\n<li>From: "
                + HtmlPage.urn(orNone(event.clientId())) + "</li>\n<li>About: "
                + HtmlPage.escape(event.personaId() == null ? "no known persona" : event.personaId()) + " "
                + HtmlPage.urn("sub " + orNone(event.sub())) + "</li>\n<li>jti: " + HtmlPage.urn(orNone(event.jti()))
                + "</li>\n<li>" + HtmlPage.escape(answer) + "</li>\n</ul>\n</section>\n";
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    private static String typeInWords(String eventType) {
        return FraudEventType.fromUri(eventType)
                .map(type -> type == FraudEventType.AUTHORIZATION_FRAUD_DETECTED
                        ? "Authorization fraud detected"
                        : "Identity fraud detected")
                .orElse(eventType == null ? "No event" : "Unknown event: " + eventType);
    }
}
