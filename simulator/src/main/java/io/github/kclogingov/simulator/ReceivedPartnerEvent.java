package io.github.kclogingov.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One security event a partner sent to {@code api/risc/security_events}, accepted or refused, with
 * the answer. Values are as received (null when absent or not text), so a test can see what its
 * relying party sent even when the simulator refused it.
 *
 * @param clientId the {@code iss} claim
 * @param eventType the {@code events} key taken as the type (a known one first)
 * @param sub the event's {@code subject.sub}
 * @param personaId the persona that {@code sub} belongs to at that client, or null
 * @param occurredAt the event's {@code occurred_at} (epoch seconds) when a number, or null
 * @param contentType the request's {@code Content-Type} header, or null
 * @param status 202 (accepted) or 400
 * @param err the answer's {@code err} code, null when accepted
 * @param description the answer's {@code description}, null when accepted
 */
public record ReceivedPartnerEvent(
        Instant receivedAt,
        String clientId,
        String jti,
        String eventType,
        String sub,
        String personaId,
        Long occurredAt,
        String contentType,
        int status,
        String err,
        String description) {

    public boolean accepted() {
        return status == 202;
    }

    /** The admin API's JSON form: these fields by name, {@code receivedAt} as an ISO-8601 instant. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("receivedAt", receivedAt.toString());
        json.put("clientId", clientId);
        json.put("jti", jti);
        json.put("eventType", eventType);
        json.put("sub", sub);
        json.put("personaId", personaId);
        json.put("occurredAt", occurredAt);
        json.put("contentType", contentType);
        json.put("status", status);
        json.put("err", err);
        json.put("description", description);
        return json;
    }
}
