package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/outages}: takes endpoints down (or up again) over HTTP, as {@link
 * Outages} does in Java: {@code token=hang}, {@code userinfo=http_500}, {@code jwks=none}, and
 * {@code delayMillis} for {@link Outage#SLOW}. Every value is checked before any is set.
 */
final class OutagesAdminEndpoint implements HttpHandler {
    static final String DELAY_MILLIS = "delayMillis";

    private static final System.Logger LOG = System.getLogger(OutagesAdminEndpoint.class.getName());

    private final Outages outages;

    OutagesAdminEndpoint(Outages outages) {
        this.outages = outages;
    }

    /** The parameter naming an endpoint: its constant in lower case ({@code token}, {@code userinfo}). */
    static String parameter(Outages.Endpoint endpoint) {
        return endpoint.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<Outages.Endpoint, Outage> changes = new EnumMap<>(Outages.Endpoint.class);
        Optional<Duration> delay;
        try {
            Set<String> known = new java.util.HashSet<>(Set.of(DELAY_MILLIS));
            for (Outages.Endpoint endpoint : Outages.Endpoint.values()) {
                known.add(parameter(endpoint));
            }
            AdminForm form = AdminForm.read(exchange, known);
            for (Outages.Endpoint endpoint : Outages.Endpoint.values()) {
                form.constant(parameter(endpoint), Outage.class).ifPresent(outage -> changes.put(endpoint, outage));
            }
            delay = delay(form.text(DELAY_MILLIS));
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        delay.ifPresent(outages::slowDelay);
        changes.forEach(outages::set);
        LOG.log(
                Level.INFO,
                "admin: outages {0}, slow delay {1} ms",
                changes,
                outages.slowDelay().toMillis());
        HttpExchanges.noContent(exchange);
    }

    private static Optional<Duration> delay(Optional<String> text) throws AdminForm.Invalid {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 0 || millis > Outages.MAX_HANG.toMillis()) {
            throw new AdminForm.Invalid(
                    DELAY_MILLIS + " must be a whole number of milliseconds from 0 to " + Outages.MAX_HANG.toMillis());
        }
        return Optional.of(Duration.ofMillis(millis));
    }
}
