package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/settings}: the switches of Login.gov's behaviour for a simulator in
 * another process (session timeout, ending a persona's sessions, the per-IP throttle, logout
 * confirmation, userinfo claims in the id_token). All parameters are checked before any applies,
 * so a 400 changes nothing; a parameter left out keeps its value.
 */
final class SettingsAdminEndpoint implements HttpHandler {
    static final String SESSION_TIMEOUT_SECONDS = "sessionTimeoutSeconds";
    static final String END_SESSIONS_OF = "endSessionsOf";
    static final String THROTTLE = "throttle";
    static final String THROTTLE_LIMIT = "throttleLimit";
    static final String THROTTLE_PERIOD_SECONDS = "throttlePeriodSeconds";
    static final String THROTTLE_RESET = "throttleReset";
    static final String LOGOUT_CONFIRMATION = "logoutConfirmation";
    static final String ID_TOKEN_USERINFO = "idTokenUserinfo";
    /** The back-channel round trips, one parameter per endpoint. */
    static final Map<String, Outages.Endpoint> DELAY_MILLIS = Map.of(
            "tokenDelayMillis", Outages.Endpoint.TOKEN,
            "userinfoDelayMillis", Outages.Endpoint.USERINFO,
            "jwksDelayMillis", Outages.Endpoint.JWKS,
            "discoveryDelayMillis", Outages.Endpoint.DISCOVERY,
            "partnerEventsDelayMillis", Outages.Endpoint.PARTNER_EVENTS);

    private static final System.Logger LOG = System.getLogger(SettingsAdminEndpoint.class.getName());
    private static final long MAX_SECONDS = Duration.ofDays(1).getSeconds();

    private final SimulatorContext context;

    SettingsAdminEndpoint(SimulatorContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<Long> timeout;
        Optional<String> endSessionsOf;
        Optional<ThrottleSettings> throttle;
        Optional<Boolean> throttleReset;
        Optional<LogoutConfirmation> confirmation;
        Optional<Boolean> idTokenUserinfo;
        Map<Outages.Endpoint, Duration> delays = new EnumMap<>(Outages.Endpoint.class);
        try {
            Set<String> known = new HashSet<>(DELAY_MILLIS.keySet());
            known.addAll(Set.of(
                    SESSION_TIMEOUT_SECONDS,
                    END_SESSIONS_OF,
                    THROTTLE,
                    THROTTLE_LIMIT,
                    THROTTLE_PERIOD_SECONDS,
                    THROTTLE_RESET,
                    LOGOUT_CONFIRMATION,
                    ID_TOKEN_USERINFO));
            AdminForm form = AdminForm.read(exchange, known);
            timeout = seconds(form, SESSION_TIMEOUT_SECONDS, 1);
            endSessionsOf = form.text(END_SESSIONS_OF);
            if (endSessionsOf.isPresent()
                    && context.persona(endSessionsOf.get()).isEmpty()) {
                throw new AdminForm.Invalid("No persona with that id; known: "
                        + context.personas().stream().map(Persona::id).toList());
            }
            throttle = throttle(form);
            throttleReset = form.flag(THROTTLE_RESET);
            confirmation = form.constant(LOGOUT_CONFIRMATION, LogoutConfirmation.class);
            idTokenUserinfo = form.flag(ID_TOKEN_USERINFO);
            for (Map.Entry<String, Outages.Endpoint> parameter : DELAY_MILLIS.entrySet()) {
                Optional<Long> millis = whole(form, parameter.getKey(), 0, BackChannelDelays.MAX.toMillis());
                millis.ifPresent(value -> delays.put(parameter.getValue(), Duration.ofMillis(value)));
            }
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        timeout.ifPresent(seconds -> context.sessions.timeout(Duration.ofSeconds(seconds)));
        endSessionsOf.ifPresent(context.sessions::end);
        throttle.ifPresent(context.throttle::set);
        if (throttleReset.orElse(false)) {
            context.throttle.reset();
        }
        confirmation.ifPresent(context::logoutConfirmation);
        idTokenUserinfo.ifPresent(context::idTokenCarriesUserinfo);
        delays.forEach(context.backChannelDelays::set);
        LOG.log(
                Level.INFO,
                "admin: session timeout {0} s, throttle {1}, logout confirmation {2}, userinfo in id_token {3},"
                        + " back-channel delays {4}",
                context.sessions.timeout().getSeconds(),
                context.throttle.settings(),
                context.logoutConfirmation(),
                context.idTokenCarriesUserinfo(),
                context.backChannelDelays);
        HttpExchanges.noContent(exchange);
    }

    /** The throttle as changed by the form: on/off, limit and period, each left out kept. */
    private Optional<ThrottleSettings> throttle(AdminForm form) throws AdminForm.Invalid {
        Optional<Boolean> enabled = form.flag(THROTTLE);
        Optional<Long> limit = seconds(form, THROTTLE_LIMIT, 1);
        Optional<Long> period = seconds(form, THROTTLE_PERIOD_SECONDS, 1);
        if (enabled.isEmpty() && limit.isEmpty() && period.isEmpty()) {
            return Optional.empty();
        }
        ThrottleSettings current = context.throttle.settings();
        return Optional.of(new ThrottleSettings(
                enabled.orElse(current.enabled()),
                limit.map(Long::intValue).orElse(current.limit()),
                period.map(Duration::ofSeconds).orElse(current.period())));
    }

    /** A whole number from {@code minimum} to one day's seconds (also the bound of a limit). */
    private static Optional<Long> seconds(AdminForm form, String name, long minimum) throws AdminForm.Invalid {
        return whole(form, name, minimum, MAX_SECONDS);
    }

    /** A whole number from {@code minimum} to {@code maximum}. */
    private static Optional<Long> whole(AdminForm form, String name, long minimum, long maximum)
            throws AdminForm.Invalid {
        Optional<String> text = form.text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.get().trim());
            if (value >= minimum && value <= maximum) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AdminForm.Invalid(name + " must be a whole number from " + minimum + " to " + maximum);
    }
}
