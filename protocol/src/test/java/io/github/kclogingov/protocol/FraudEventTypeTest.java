package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FraudEventTypeTest {

    @Test
    void urisAreTheTwoLoginGovAccepts() {
        assertEquals(
                "https://schemas.login.gov/secevent/risc/event-type/authorization-fraud-detected",
                FraudEventType.AUTHORIZATION_FRAUD_DETECTED.uri());
        assertEquals(
                "https://schemas.login.gov/secevent/risc/event-type/identity-fraud-detected",
                FraudEventType.IDENTITY_FRAUD_DETECTED.uri());
    }

    @Test
    void namedByShortNameOrUri() {
        assertEquals(
                FraudEventType.IDENTITY_FRAUD_DETECTED,
                FraudEventType.named(" identity-fraud-detected ").orElseThrow());
        assertEquals(
                FraudEventType.AUTHORIZATION_FRAUD_DETECTED,
                FraudEventType.named(FraudEventType.AUTHORIZATION_FRAUD_DETECTED.uri())
                        .orElseThrow());
        assertTrue(FraudEventType.named("account-disabled").isEmpty());
        assertTrue(FraudEventType.named(null).isEmpty());
    }

    @Test
    void endpointUnderTheIssuer() {
        assertEquals(
                "https://secure.login.gov/api/risc/security_events",
                PartnerSecurityEvents.url("https://secure.login.gov/"));
        assertEquals(
                "http://localhost:8081/api/risc/security_events", PartnerSecurityEvents.url("http://localhost:8081"));
    }
}
