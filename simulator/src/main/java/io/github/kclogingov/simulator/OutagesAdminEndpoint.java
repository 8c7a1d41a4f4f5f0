package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/outages}: takes endpoints down (or up again) over HTTP, as {@link
 * Outages} does in Java: {@code token=hang}, {@code userinfo=http_500}, {@code jwks=none}, {@code
 * delayMillis} for {@link Outage#SLOW}, {@code trickleMillis} for {@link Outage#TRICKLE}, {@code
 * retryAfter} for {@link Outage#TOO_MANY_REQUESTS} ({@code none}: no header); and the answer
 * variations: {@code jwksMediaType=application/jwk-set+json} ({@code usual}: the usual one again)
 * for any endpoint, {@code tokenErrors=problem|login_gov}. Every value is checked before any is set.
 */
final class OutagesAdminEndpoint implements HttpHandler {
    static final String DELAY_MILLIS = "delayMillis";
    static final String TRICKLE_MILLIS = "trickleMillis";
    static final String RETRY_AFTER = "retryAfter";
    static final String TOKEN_ERRORS = "tokenErrors";
    static final String MEDIA_TYPE_SUFFIX = "MediaType";
    static final String NO_RETRY_AFTER = "none";
    static final String USUAL_MEDIA_TYPE = "usual";

    /** How the token endpoint writes its errors. */
    enum TokenErrors {
        LOGIN_GOV,
        PROBLEM
    }

    private static final System.Logger LOG = System.getLogger(OutagesAdminEndpoint.class.getName());

    private final Outages outages;

    OutagesAdminEndpoint(Outages outages) {
        this.outages = outages;
    }

    /** The parameter naming an endpoint: its constant in lower case ({@code token}, {@code userinfo}). */
    static String parameter(Outages.Endpoint endpoint) {
        return endpoint.name().toLowerCase(Locale.ROOT);
    }

    static String mediaTypeParameter(Outages.Endpoint endpoint) {
        return parameter(endpoint) + MEDIA_TYPE_SUFFIX;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<Outages.Endpoint, Outage> changes = new EnumMap<>(Outages.Endpoint.class);
        Map<Outages.Endpoint, Optional<String>> mediaTypes = new EnumMap<>(Outages.Endpoint.class);
        Optional<Duration> delay;
        Optional<Duration> trickle;
        Optional<Optional<String>> retryAfter;
        Optional<TokenErrors> tokenErrors;
        try {
            Set<String> known = new HashSet<>(Set.of(DELAY_MILLIS, TRICKLE_MILLIS, RETRY_AFTER, TOKEN_ERRORS));
            for (Outages.Endpoint endpoint : Outages.Endpoint.values()) {
                known.add(parameter(endpoint));
                known.add(mediaTypeParameter(endpoint));
            }
            AdminForm form = AdminForm.read(exchange, known);
            for (Outages.Endpoint endpoint : Outages.Endpoint.values()) {
                form.constant(parameter(endpoint), Outage.class).ifPresent(outage -> changes.put(endpoint, outage));
                Optional<String> mediaType = form.text(mediaTypeParameter(endpoint));
                if (mediaType.isPresent()) {
                    mediaTypes.put(
                            endpoint,
                            checkedHeader(
                                    mediaTypeParameter(endpoint),
                                    mediaType.get().equals(USUAL_MEDIA_TYPE) ? null : mediaType.get()));
                }
            }
            delay = millis(form.text(DELAY_MILLIS), DELAY_MILLIS, 0);
            trickle = millis(form.text(TRICKLE_MILLIS), TRICKLE_MILLIS, 1);
            Optional<String> retryAfterText = form.text(RETRY_AFTER);
            retryAfter = retryAfterText.isEmpty()
                    ? Optional.empty()
                    : Optional.of(checkedHeader(
                            RETRY_AFTER, retryAfterText.get().equals(NO_RETRY_AFTER) ? null : retryAfterText.get()));
            tokenErrors = form.constant(TOKEN_ERRORS, TokenErrors.class);
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        delay.ifPresent(outages::slowDelay);
        trickle.ifPresent(outages::trickleInterval);
        retryAfter.ifPresent(value -> outages.retryAfter(value.orElse(null)));
        tokenErrors.ifPresent(errors -> outages.tokenErrorsAsProblemDetails(errors == TokenErrors.PROBLEM));
        mediaTypes.forEach((endpoint, type) -> outages.mediaType(endpoint, type.orElse(null)));
        changes.forEach(outages::set);
        LOG.log(
                Level.INFO,
                "admin: outages {0}, slow delay {1} ms, trickle {2} ms, Retry-After {3}, media types {4}, problem"
                        + " details {5}",
                changes,
                outages.slowDelay().toMillis(),
                outages.trickleInterval().toMillis(),
                outages.retryAfter(),
                mediaTypes,
                outages.tokenErrorsAsProblemDetails());
        HttpExchanges.noContent(exchange);
    }

    private static Optional<String> checkedHeader(String parameter, String value) throws AdminForm.Invalid {
        if (value != null
                && (value.length() > Outages.MAX_HEADER_VALUE || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            throw new AdminForm.Invalid(
                    parameter + " must be 1 to " + Outages.MAX_HEADER_VALUE + " printable ASCII characters");
        }
        return Optional.ofNullable(value);
    }

    private static Optional<Duration> millis(Optional<String> text, String parameter, long min)
            throws AdminForm.Invalid {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < min || millis > Outages.MAX_HANG.toMillis()) {
            throw new AdminForm.Invalid(parameter + " must be a whole number of milliseconds from " + min + " to "
                    + Outages.MAX_HANG.toMillis());
        }
        return Optional.of(Duration.ofMillis(millis));
    }
}
