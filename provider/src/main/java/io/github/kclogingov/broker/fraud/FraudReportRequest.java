package io.github.kclogingov.broker.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.FraudEventType;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.keycloak.util.JsonSerialization;

/**
 * The administrator's report, read from the request body: {@code userId}, {@code eventType}, and
 * optionally {@code alias} and {@code occurredAt} (seconds since the epoch). Every problem is a
 * {@link FraudReportRefusal} naming the member to fix.
 */
record FraudReportRequest(String userId, FraudEventType eventType, Optional<String> alias, Optional<Long> occurredAt) {

    /** A little clock difference between the administrator's browser and the server is not a future date. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static FraudReportRequest parse(String body, long nowSeconds) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JsonSerialization.readValue(body, JsonNode.class);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw FraudReportRefusal.invalid(
                    "The body must be a JSON object with userId and eventType (authorization-fraud-detected or"
                            + " identity-fraud-detected).");
        }
        String userId = text(json, "userId").orElseThrow(() -> FraudReportRefusal.invalid("userId is required."));
        String typeName = text(json, "eventType")
                .orElseThrow(() -> FraudReportRefusal.invalid(
                        "eventType is required: authorization-fraud-detected or identity-fraud-detected."));
        FraudEventType type = FraudEventType.named(typeName)
                .orElseThrow(() -> FraudReportRefusal.invalid("eventType must be authorization-fraud-detected or"
                        + " identity-fraud-detected; Login.gov accepts no other."));
        Optional<Long> occurredAt = Optional.empty();
        JsonNode when = json.get("occurredAt");
        if (when != null && !when.isNull()) {
            if (!when.canConvertToLong() || !when.isIntegralNumber() || when.asLong() <= 0) {
                throw FraudReportRefusal.invalid("occurredAt must be a whole number of seconds since 1970-01-01 UTC.");
            }
            if (when.asLong() > nowSeconds + CLOCK_SKEW.getSeconds()) {
                throw FraudReportRefusal.invalid("occurredAt is in the future.");
            }
            occurredAt = Optional.of(when.asLong());
        }
        return new FraudReportRequest(userId, type, text(json, "alias"), occurredAt);
    }

    private static Optional<String> text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw FraudReportRefusal.invalid(name + " must be a string.");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
