package io.github.kclogingov.broker.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.protocol.PartnerSecurityEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.keycloak.util.JsonSerialization;

/**
 * What one attempt came to, and so the report's next state.
 *
 * @param state DELIVERED, REFUSED or RETRYING
 * @param status Login.gov's HTTP status; empty when no answer came
 * @param problem what went wrong, for the administrator; empty when delivered at the first attempt
 * @param err Login.gov's refusal code ({@code jwtAud}, {@code dup}, ...), if it gave one
 * @param description Login.gov's explanation of the refusal, made readable
 * @param waitAtLeast for a 429, Login.gov's {@code Retry-After}
 */
record DeliveryOutcome(
        FraudReportState state,
        Optional<Integer> status,
        Optional<String> problem,
        Optional<String> err,
        Optional<String> description,
        Optional<Duration> waitAtLeast) {

    /**
     * Login.gov's answer to the {@code attempt}-th attempt (1 for the first). A 202 is delivered. A
     * 400 is refused with Login.gov's {@code err} and {@code description}, save one: {@code dup} to
     * an attempt after the first means an earlier attempt arrived and its answer did not, so the
     * report is delivered. A server error is retried; any other status is final.
     */
    static DeliveryOutcome ofAnswer(int status, String body, int attempt) {
        if (status == PartnerSecurityEvents.ACCEPTED) {
            return new DeliveryOutcome(
                    FraudReportState.DELIVERED,
                    Optional.of(status),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
        if (status >= 500) {
            return retry(
                    Optional.of(status),
                    "Login.gov answered HTTP " + status + "; the report is sent again later.",
                    null);
        }
        if (status == PartnerSecurityEvents.REFUSED) {
            Optional<String> err =
                    member(body, PartnerSecurityEvents.ERROR_CODE).map(UntrustedText::quoted);
            Optional<String> description =
                    member(body, PartnerSecurityEvents.ERROR_DESCRIPTION).map(UntrustedText::readable);
            if (attempt > 1
                    && err.filter(PartnerSecurityEvents.DUPLICATE::equals).isPresent()) {
                return new DeliveryOutcome(
                        FraudReportState.DELIVERED,
                        Optional.of(status),
                        Optional.of("Login.gov had received this report already, from an earlier attempt"
                                + " whose answer did not arrive (it answered 'dup')."),
                        err,
                        description,
                        Optional.empty());
            }
            return new DeliveryOutcome(
                    FraudReportState.REFUSED,
                    Optional.of(status),
                    Optional.of("Login.gov refused the report: " + err.orElse("(no code)")
                            + description.map(text -> ": " + text).orElse("")),
                    err,
                    description,
                    Optional.empty());
        }
        return new DeliveryOutcome(
                FraudReportState.REFUSED,
                Optional.of(status),
                Optional.of("Login.gov answered HTTP " + status + ", which is neither accepted (202) nor refused (400)."
                        + " Check the provider's environment or base URL."),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Login.gov answered 429: sent again, no sooner than it asked. */
    static DeliveryOutcome busy(Duration retryAfter) {
        return retry(
                Optional.of(429),
                "Login.gov is limiting requests (HTTP 429); the report is sent again later.",
                retryAfter);
    }

    /** No answer in time, or none at all. */
    static DeliveryOutcome noAnswer(String what) {
        return retry(Optional.empty(), UntrustedText.readable(what) + " The report is sent again later.", null);
    }

    /** Nothing was sent: the report cannot be signed or addressed now, but may be later. */
    static DeliveryOutcome notSent(String why) {
        return retry(Optional.empty(), why, null);
    }

    /** Nothing was sent, and nothing ever will be. */
    static DeliveryOutcome cannotBeSent(String why) {
        return new DeliveryOutcome(
                FraudReportState.REFUSED,
                Optional.empty(),
                Optional.of(why),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static DeliveryOutcome retry(Optional<Integer> status, String problem, Duration waitAtLeast) {
        return new DeliveryOutcome(
                FraudReportState.RETRYING,
                status,
                Optional.of(problem),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(waitAtLeast));
    }

    private static Optional<String> member(String body, String name) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode value = JsonSerialization.readValue(body, JsonNode.class).get(name);
            return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
