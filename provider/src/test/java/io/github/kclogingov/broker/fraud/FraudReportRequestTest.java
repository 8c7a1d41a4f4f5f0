package io.github.kclogingov.broker.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.FraudEventType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FraudReportRequestTest {

    static final long NOW = 1_800_000_000L;

    @Test
    void a_full_request() {
        FraudReportRequest request = FraudReportRequest.parse(
                "{\"userId\":\"u1\",\"eventType\":\"identity-fraud-detected\",\"alias\":\" lg \",\"occurredAt\":1700000000}",
                NOW);
        assertEquals("u1", request.userId());
        assertEquals(FraudEventType.IDENTITY_FRAUD_DETECTED, request.eventType());
        assertEquals(Optional.of("lg"), request.alias());
        assertEquals(Optional.of(1_700_000_000L), request.occurredAt());
    }

    @Test
    void the_type_may_be_given_by_its_uri() {
        assertEquals(
                FraudEventType.AUTHORIZATION_FRAUD_DETECTED,
                FraudReportRequest.parse(
                                "{\"userId\":\"u1\",\"eventType\":\""
                                        + FraudEventType.AUTHORIZATION_FRAUD_DETECTED.uri() + "\"}",
                                NOW)
                        .eventType());
    }

    @Test
    void each_problem_names_what_to_fix() {
        assertRefused("", "JSON object");
        assertRefused("[1]", "JSON object");
        assertRefused("{not json", "JSON object");
        assertRefused("{\"eventType\":\"identity-fraud-detected\"}", "userId is required");
        assertRefused("{\"userId\":\"u\"}", "eventType is required");
        assertRefused("{\"userId\":\"u\",\"eventType\":\"account-disabled\"}", "Login.gov accepts no other");
        assertRefused("{\"userId\":7,\"eventType\":\"identity-fraud-detected\"}", "userId must be a string");
        assertRefused(
                "{\"userId\":\"u\",\"eventType\":\"identity-fraud-detected\",\"occurredAt\":\"yesterday\"}",
                "whole number of seconds");
        assertRefused(
                "{\"userId\":\"u\",\"eventType\":\"identity-fraud-detected\",\"occurredAt\":" + (NOW + 3600) + "}",
                "in the future");
    }

    private static void assertRefused(String body, String says) {
        FraudReportRefusal refusal = assertThrows(FraudReportRefusal.class, () -> FraudReportRequest.parse(body, NOW));
        assertEquals(400, refusal.status().getStatusCode());
        assertEquals("invalid_request", refusal.code());
        assertTrue(refusal.getMessage().contains(says), refusal.getMessage());
    }
}
