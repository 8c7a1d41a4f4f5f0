package io.github.kclogingov.broker.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.FraudEventType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class FraudSetClaimsTest {

    static final String CLIENT = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";

    @Test
    void the_claims_are_those_login_gov_requires_and_no_others() throws Exception {
        JsonNode claims = JsonSerialization.readValue(
                FraudSetClaims.json(
                        CLIENT,
                        "https://idp.int.identitysandbox.gov/",
                        "0123456789abcdef0123456789abcdef",
                        1_800_000_000L,
                        FraudEventType.AUTHORIZATION_FRAUD_DETECTED,
                        "7f1b2c3d-aaaa-bbbb-cccc-1234567890ab",
                        Optional.of(1_799_990_000L)),
                JsonNode.class);
        List<String> names = new java.util.ArrayList<>();
        claims.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("iss", "aud", "jti", "iat", "events"), names);
        assertEquals(CLIENT, claims.get("iss").asText());
        assertEquals(
                "https://idp.int.identitysandbox.gov/api/risc/security_events",
                claims.get("aud").asText());
        assertFalse(claims.has("exp"));
        assertFalse(claims.has("sub"));
        JsonNode events = claims.get("events");
        assertEquals(1, events.size());
        JsonNode event = events.get(FraudEventType.AUTHORIZATION_FRAUD_DETECTED.uri());
        assertEquals("iss-sub", event.at("/subject/subject_type").asText());
        assertEquals(
                "https://idp.int.identitysandbox.gov/", event.at("/subject/iss").asText());
        assertEquals(
                "7f1b2c3d-aaaa-bbbb-cccc-1234567890ab", event.at("/subject/sub").asText());
        assertEquals(1_799_990_000L, event.get("occurred_at").asLong());
    }

    @Test
    void without_a_date_the_event_has_none() throws Exception {
        JsonNode claims = JsonSerialization.readValue(
                FraudSetClaims.json(
                        CLIENT,
                        "https://secure.login.gov/",
                        FraudSetClaims.newJti(),
                        1L,
                        FraudEventType.IDENTITY_FRAUD_DETECTED,
                        "s",
                        Optional.empty()),
                JsonNode.class);
        assertFalse(claims.at("/events/" + escaped(FraudEventType.IDENTITY_FRAUD_DETECTED.uri()))
                .has("occurred_at"));
    }

    @Test
    void jtis_are_32_hex_characters_and_differ() {
        String first = FraudSetClaims.newJti();
        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertFalse(first.equals(FraudSetClaims.newJti()));
    }

    private static String escaped(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }
}
