package io.github.kclogingov.broker.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryOutcomeTest {

    @Test
    void accepted_is_delivered() {
        DeliveryOutcome outcome = DeliveryOutcome.ofAnswer(202, "", 1);
        assertEquals(FraudReportState.DELIVERED, outcome.state());
        assertEquals(Optional.of(202), outcome.status());
        assertTrue(outcome.problem().isEmpty());
    }

    @Test
    void a_refusal_keeps_login_gov_code_and_description() {
        DeliveryOutcome outcome =
                DeliveryOutcome.ofAnswer(400, "{\"err\":\"jwtAud\",\"description\":\"Aud invalid\\naudience\"}", 1);
        assertEquals(FraudReportState.REFUSED, outcome.state());
        assertEquals(Optional.of("jwtAud"), outcome.err());
        assertEquals(Optional.of("Aud invalid audience"), outcome.description());
        assertEquals(
                "Login.gov refused the report: jwtAud: Aud invalid audience",
                outcome.problem().orElseThrow());
    }

    @Test
    void dup_is_a_refusal_at_the_first_attempt_and_a_delivery_after_it() {
        String dup = "{\"err\":\"dup\",\"description\":\"Jti already exists\"}";
        assertEquals(
                FraudReportState.REFUSED, DeliveryOutcome.ofAnswer(400, dup, 1).state());
        DeliveryOutcome again = DeliveryOutcome.ofAnswer(400, dup, 2);
        assertEquals(FraudReportState.DELIVERED, again.state());
        assertTrue(again.problem().orElseThrow().contains("received this report already"));
    }

    @Test
    void a_refusal_without_json_still_reads() {
        DeliveryOutcome outcome = DeliveryOutcome.ofAnswer(400, "<html>bad</html>", 1);
        assertEquals(FraudReportState.REFUSED, outcome.state());
        assertTrue(outcome.err().isEmpty());
        assertEquals(
                "Login.gov refused the report: (no code)", outcome.problem().orElseThrow());
    }

    @Test
    void server_errors_and_no_answer_are_retried() {
        assertEquals(
                FraudReportState.RETRYING, DeliveryOutcome.ofAnswer(503, "", 1).state());
        assertEquals(
                FraudReportState.RETRYING,
                DeliveryOutcome.noAnswer("Timed out.").state());
        DeliveryOutcome busy = DeliveryOutcome.busy(Duration.ofSeconds(90));
        assertEquals(FraudReportState.RETRYING, busy.state());
        assertEquals(Optional.of(429), busy.status());
        assertEquals(Optional.of(Duration.ofSeconds(90)), busy.waitAtLeast());
    }

    @Test
    void other_statuses_are_final() {
        DeliveryOutcome outcome = DeliveryOutcome.ofAnswer(404, "", 1);
        assertEquals(FraudReportState.REFUSED, outcome.state());
        assertTrue(outcome.problem().orElseThrow().contains("HTTP 404"));
    }
}
