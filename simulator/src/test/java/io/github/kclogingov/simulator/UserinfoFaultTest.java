package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-shot userinfo faults, and counting userinfo calls. */
class UserinfoFaultTest {
    private LoginGovSimulator simulator;
    private Flows.Tokens tokens;

    @BeforeEach
    void signIn() {
        simulator = SharedSimulator.reset();
        tokens = Flows.signIn(
                simulator,
                AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                        .acr(AuthorizeParams.VERIFIED)
                        .scope("openid email profile"));
    }

    private HttpResponse<String> userinfoWith(UserinfoFault fault) {
        simulator.faults().nextUserinfo(fault);
        HttpResponse<String> response =
                Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer " + tokens.accessToken());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        return response;
    }

    private String sub() {
        return tokens.claims().getSubject();
    }

    @Test
    void different_sub_is_another_valid_looking_uuid() {
        Map<String, Object> claims = Http.json(userinfoWith(UserinfoFault.DIFFERENT_SUB));
        String other = (String) claims.get("sub");
        java.util.UUID.fromString(other);
        assertNotEquals(sub(), other);
        assertEquals("jordan.verified@example.com", claims.get("email"), "everything else is right");
    }

    @Test
    void missing_sub() {
        Map<String, Object> claims = Http.json(userinfoWith(UserinfoFault.MISSING_SUB));
        assertFalse(claims.containsKey("sub"));
        assertEquals(simulator.issuer(), claims.get("iss"));
    }

    @Test
    void sub_as_a_number() {
        assertTrue(userinfoWith(UserinfoFault.SUB_NOT_STRING).body().contains("\"sub\":1234567890"));
    }

    @Test
    void oversized_answer() {
        Map<String, Object> claims = Http.json(userinfoWith(UserinfoFault.OVERSIZED));
        assertEquals(2 * 1024 * 1024, ((String) claims.get("padding")).length());
        assertEquals(sub(), claims.get("sub"));
    }

    @Test
    void deeply_nested_answer() {
        String body = userinfoWith(UserinfoFault.DEEPLY_NESTED).body();
        assertTrue(body.endsWith("\"nested\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        assertTrue(body.contains(sub()));
    }

    @Test
    void verified_at_overflowing_every_number_type() {
        String body = userinfoWith(UserinfoFault.HOSTILE_VERIFIED_AT).body();
        assertTrue(body.endsWith(",\"verified_at\":1e999999999}"), body);
        assertEquals(1, body.split("\"verified_at\"", -1).length - 1);
    }

    @Test
    void given_name_of_a_mebibyte() {
        Map<String, Object> claims = Http.json(userinfoWith(UserinfoFault.LONG_STRING));
        assertEquals(1024 * 1024, ((String) claims.get("given_name")).length());
    }

    @Test
    void a_fault_waits_for_a_successful_answer_and_is_used_once() {
        simulator.faults().nextUserinfo(UserinfoFault.MISSING_SUB);
        assertEquals(401, Http.get(simulator.endpoints().userinfo()).statusCode());
        assertFalse(Flows.userinfo(simulator, tokens.accessToken()).containsKey("sub"));
        assertEquals(sub(), Flows.userinfo(simulator, tokens.accessToken()).get("sub"));
    }

    @Test
    void clear_drops_a_pending_userinfo_fault() {
        simulator.faults().nextUserinfo(UserinfoFault.MISSING_SUB).clear();
        assertEquals(sub(), Flows.userinfo(simulator, tokens.accessToken()).get("sub"));
    }

    @Test
    void counts_userinfo_requests_since_an_instant() {
        Flows.userinfo(simulator, tokens.accessToken());
        SharedSimulator.CLOCK.advance(Duration.ofSeconds(5));
        Instant since = simulator.now();
        assertEquals(0, simulator.recorder().userinfoRequestsSince(since).size());
        Flows.userinfo(simulator, tokens.accessToken());
        Http.get(simulator.endpoints().userinfo());
        assertEquals(2, simulator.recorder().userinfoRequestsSince(since).size(), "refused ones count too");
        assertEquals(3, simulator.recorder().userinfoRequests().size());
    }
}
