package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator pushes security events as Login.gov does: token, request and delivery rules. */
class SecurityEventsTest {

    static final String CLIENT = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:security-events";

    /** What the push URL received: content type and body of each request. */
    record Received(String contentType, String body) {}

    LoginGovSimulator simulator;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** The status the receiver answers; a negative value: wait that many milliseconds, then 202. */
    final AtomicInteger answer = new AtomicInteger(202);

    final AtomicInteger slowAnswers = new AtomicInteger(0);

    @BeforeEach
    void receiverAndRegistration() throws IOException {
        simulator = SharedSimulator.reset();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/push", exchange -> {
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII)));
            if (slowAnswers.getAndDecrement() > 0) {
                try {
                    Thread.sleep(3500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        simulator.addServiceProvider(ServiceProvider.pkce(CLIENT, List.of(TestClients.REDIRECT), Registration.VERIFIED)
                .withPushUrl(pushUrl()));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        simulator.setPushUrl(CLIENT, null);
    }

    String pushUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/push";
    }

    @Test
    void a_token_is_signed_and_shaped_as_login_gov_sends_it() throws Exception {
        SecurityEventDelivery delivery =
                simulator.securityEvents().send("verified", SecurityEventType.ACCOUNT_DISABLED, CLIENT);

        assertTrue(delivery.delivered());
        assertEquals(1, delivery.attempts());
        Received request = received.get(0);
        assertEquals("application/secevent+jwt", request.contentType());
        JWSObject jws = JWSObject.parse(request.body());
        assertEquals("RS256", jws.getHeader().getAlgorithm().getName());
        assertEquals("secevent+jwt", jws.getHeader().getType().getType());
        RSAKey key =
                (RSAKey) JWKSet.parse(Http.get(simulator.endpoints().jwks()).body())
                        .getKeyByKeyId(jws.getHeader().getKeyID());
        assertTrue(jws.verify(new RSASSAVerifier(key)), "signed with the published id_token key");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertEquals(simulator.issuer(), claims.get("iss"));
        assertTrue(simulator.issuer().endsWith("/"));
        assertEquals(pushUrl(), claims.get("aud"));
        assertEquals(((Number) claims.get("iat")).longValue() + 12 * 3600, ((Number) claims.get("exp")).longValue());
        assertTrue(((String) claims.get("jti")).matches("[0-9a-f]{32}"));
        Map<?, ?> events = (Map<?, ?>) claims.get("events");
        assertEquals(1, events.size());
        Map<?, ?> event = (Map<?, ?>) events.get(SecurityEventType.ACCOUNT_DISABLED.uri());
        assertEquals("account-suspension", event.get("reason"));
        assertEquals(
                Map.of(
                        "subject_type",
                        "iss-sub",
                        "iss",
                        simulator.issuer(),
                        "sub",
                        simulator.subjectOf("verified", CLIENT)),
                event.get("subject"));
        assertFalse(claims.containsKey("sub_id"));
    }

    @Test
    void the_identifier_events_name_an_email() throws Exception {
        simulator.securityEvents().send("verified", SecurityEventType.IDENTIFIER_CHANGED, CLIENT);
        Map<?, ?> event =
                (Map<?, ?>) ((Map<?, ?>) JWSObject.parse(received.get(0).body())
                                .getPayload()
                                .toJSONObject()
                                .get("events"))
                        .get(SecurityEventType.IDENTIFIER_CHANGED.uri());
        assertEquals("email", ((Map<?, ?>) event.get("subject")).get("subject_type"));
    }

    @Test
    void a_timeout_is_retried_with_the_same_token_and_an_error_answer_is_not() {
        slowAnswers.set(1);
        SecurityEventDelivery slow =
                simulator.securityEvents().send("verified", SecurityEventType.PASSWORD_RESET, CLIENT);
        assertEquals(2, slow.attempts());
        assertEquals(202, slow.status());
        assertEquals(2, received.size());
        assertEquals(received.get(0).body(), received.get(1).body(), "the retry sends the same token and jti");

        received.clear();
        answer.set(400);
        SecurityEventDelivery refused =
                simulator.securityEvents().send("verified", SecurityEventType.PASSWORD_RESET, CLIENT);
        assertEquals(1, refused.attempts());
        assertEquals(400, refused.status());
        assertFalse(refused.delivered());
    }

    @Test
    void an_unreachable_push_url_is_tried_three_times() throws IOException {
        receiver.stop(0);
        SecurityEventDelivery delivery =
                simulator.securityEvents().send("verified", SecurityEventType.PASSWORD_RESET, CLIENT);
        assertEquals(3, delivery.attempts());
        assertEquals(-1, delivery.status());
    }

    @Test
    void without_a_client_every_push_url_receives_the_event_and_it_is_recorded() {
        List<SecurityEventDelivery> deliveries =
                simulator.securityEvents().send("auth-only", SecurityEventType.ACCOUNT_PURGED);
        assertEquals(1, deliveries.size());
        assertEquals(deliveries, simulator.recorder().securityEvents());
        assertThrows(
                IllegalArgumentException.class,
                () -> simulator
                        .securityEvents()
                        .send("verified", SecurityEventType.ACCOUNT_PURGED, TestClients.PUBLIC));
    }

    @Test
    void the_admin_api_registers_a_push_url_and_sends_an_event() {
        simulator.setPushUrl(CLIENT, null);
        assertEquals(
                204,
                Http.postForm(
                                simulator.issuer() + "simulator/admin/push-url",
                                Map.of("clientId", CLIENT, "url", pushUrl()))
                        .statusCode());
        var response = Http.postForm(
                simulator.issuer() + "simulator/admin/security-events",
                Map.of("persona", "verified", "event", "account-enabled", "clientId", CLIENT));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":202"), response.body());
        assertEquals(
                400,
                Http.postForm(
                                simulator.issuer() + "simulator/admin/security-events",
                                Map.of("persona", "verified", "event", "account-exploded"))
                        .statusCode());
    }

    @Test
    void the_persona_page_has_a_button_per_event_and_a_button_sends_it() {
        String page = Http.get(simulator.issuer() + "simulator/security-events?persona=verified")
                .body();
        for (SecurityEventType type : SecurityEventType.values()) {
            assertTrue(page.contains("name=\"event\" value=\"" + type.shortName() + "\""), type.shortName());
        }
        assertTrue(Http.get(simulator.issuer()).body().contains("simulator/security-events?persona=verified"));
        var sent = Http.postForm(
                simulator.issuer() + "simulator/security-events",
                Map.of("persona", "verified", "event", "account-disabled"));
        assertEquals(200, sent.statusCode());
        assertTrue(sent.body().contains("HTTP 202"), sent.body());
        assertEquals(1, received.size());
    }
}
