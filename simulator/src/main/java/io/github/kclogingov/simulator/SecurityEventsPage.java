package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.SecurityEventType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code simulator/security-events}: a persona's page with a button per security event (GET), and
 * what a button sends (POST: the event, to every service provider with a push URL, then a page
 * with each push URL's answer). What Login.gov staff or the person would do at Login.gov, so a
 * demo can show an agency's Keycloak react. Like the persona picker, any caller may use it.
 */
final class SecurityEventsPage implements HttpHandler {

    private final SimulatorContext context;

    SecurityEventsPage(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            send(exchange);
        } else if ("GET".equals(exchange.getRequestMethod())) {
            Optional<Persona> persona =
                    context.persona(HttpExchanges.query(exchange).get("persona"));
            if (persona.isEmpty()) {
                HttpExchanges.sendHtml(
                        exchange, 404, HtmlPage.error("No such persona", "Pick a persona on the simulator's page."));
                return;
            }
            HttpExchanges.sendHtml(exchange, 200, buttons(persona.get()));
        } else {
            HttpExchanges.methodNotAllowed(exchange, "GET, POST");
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        Map<String, String> form = HttpExchanges.form(exchange);
        Optional<Persona> persona = context.persona(form.get("persona"));
        Optional<SecurityEventType> type = SecurityEventNames.fromShortName(form.get("event"));
        if (persona.isEmpty() || type.isEmpty()) {
            HttpExchanges.sendHtml(exchange, 400, HtmlPage.error("Unknown event", "Use one of the page's buttons."));
            return;
        }
        List<SecurityEventDelivery> deliveries =
                context.securityEvents.send(persona.get().id(), type.get());
        StringBuilder body = new StringBuilder("<p>")
                .append(HtmlPage.escape(SecurityEventNames.inWords(type.get())))
                .append(" for ")
                .append(HtmlPage.escape(persona.get().displayName()))
                .append(".</p>\n");
        if (deliveries.isEmpty()) {
            body.append("<p>No service provider has a push URL, so nothing was sent.</p>\n");
        } else {
            body.append("<ul>\n");
            for (SecurityEventDelivery delivery : deliveries) {
                body.append("<li>")
                        .append(HtmlPage.urn(delivery.pushUrl()))
                        .append(": ")
                        .append(HtmlPage.escape(
                                delivery.status() < 0
                                        ? "no answer after " + delivery.attempts() + " attempts"
                                        : "HTTP " + delivery.status()))
                        .append("</li>\n");
            }
            body.append("</ul>\n");
        }
        body.append("<p><a href=\"")
                .append(HtmlPage.escape(pageUrl(persona.get())))
                .append("\">Send another</a> · ")
                .append("<a href=\"")
                .append(HtmlPage.escape(context.endpoints.issuer()))
                .append("\">The simulator's page</a></p>\n");
        HttpExchanges.sendHtml(exchange, 200, HtmlPage.render("Security event sent", body.toString()));
    }

    private String buttons(Persona persona) {
        StringBuilder body = new StringBuilder("<p>What Login.gov would tell each agency about ")
                .append(HtmlPage.escape(persona.displayName()))
                .append("'s account. Each button sends one signed security event to every service provider ")
                .append("that registered a push URL:</p>\n<ul>\n");
        List<ServiceProvider> receivers = context.serviceProviders().stream()
                .filter(sp -> sp.pushUrl().isPresent())
                .toList();
        receivers.forEach(sp -> body.append("<li>")
                .append(HtmlPage.urn(sp.pushUrl().orElseThrow()))
                .append("</li>\n"));
        if (receivers.isEmpty()) {
            body.append("<li>none yet</li>\n");
        }
        body.append("</ul>\n");
        for (SecurityEventType type : SecurityEventType.values()) {
            body.append("<form method=\"post\" action=\"")
                    .append(HtmlPage.escape(context.internalUrl(SimulatorContext.SECURITY_EVENTS_PATH)))
                    .append("\"><input type=\"hidden\" name=\"persona\" value=\"")
                    .append(HtmlPage.escape(persona.id()))
                    .append("\"><input type=\"hidden\" name=\"event\" value=\"")
                    .append(HtmlPage.escape(type.shortName()))
                    .append("\"><button type=\"submit\"")
                    .append(type == SecurityEventType.ACCOUNT_DISABLED ? " class=\"primary\"" : "")
                    .append(">")
                    .append(HtmlPage.escape(SecurityEventNames.inWords(type)))
                    .append("</button></form>\n");
        }
        return HtmlPage.render("Security events for " + persona.displayName(), persona.id(), body.toString());
    }

    String pageUrl(Persona persona) {
        return context.internalUrl(SimulatorContext.SECURITY_EVENTS_PATH) + "?persona="
                + java.net.URLEncoder.encode(persona.id(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
