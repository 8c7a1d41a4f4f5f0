package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Around the endpoint partners send security events to: Login.gov's RISC metadata naming it, its
 * outages and throttle, and what the admin API and the simulator's page show of what it received.
 */
class PartnerEventsAdminTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @AfterEach
    void clear() {
        simulator.outages().clear();
        simulator.throttle().disable();
    }

    private HttpResponse<String> sendValid() {
        return PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.IDENTITY_FRAUD)
                .send();
    }

    @Test
    void the_risc_configuration_names_the_endpoint_as_login_gov_s_does() {
        HttpResponse<String> response = Http.get(simulator.issuer() + SimulatorContext.RISC_CONFIGURATION_PATH);

        assertEquals(200, response.statusCode());
        Map<String, Object> push =
                Map.of("delivery_method", RiscConfigurationEndpoint.PUSH_DELIVERY, "url", simulator.partnerEventsUrl());
        assertEquals(
                Map.of(
                        "issuer", simulator.issuer(),
                        "jwks_uri", simulator.endpoints().jwks(),
                        "delivery_methods_supported", List.of(RiscConfigurationEndpoint.PUSH_DELIVERY),
                        "delivery", List.of(push)),
                Http.json(response));
        assertEquals(simulator.issuer() + "api/risc/security_events", simulator.partnerEventsUrl());
    }

    @Test
    void only_post_is_answered() {
        assertEquals(405, Http.get(simulator.partnerEventsUrl()).statusCode());
    }

    @Nested
    class Outages_and_throttle {
        @Test
        void too_many_requests_is_a_429_with_the_chosen_retry_after_and_nothing_is_recorded() {
            simulator
                    .outages()
                    .set(Outages.Endpoint.PARTNER_EVENTS, Outage.TOO_MANY_REQUESTS)
                    .retryAfter("30");

            HttpResponse<String> response = sendValid();

            assertEquals(429, response.statusCode());
            assertEquals("30", response.headers().firstValue("Retry-After").orElse(null));
            assertEquals(List.of(), simulator.recorder().partnerEvents());
            assertEquals(1, simulator.outages().answeredDuringOutage(Outages.Endpoint.PARTNER_EVENTS));
        }

        @Test
        void the_admin_api_takes_it_down_and_clears_it() {
            HttpResponse<String> set = Http.postForm(
                    simulator.issuer() + SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("partner_events", "http_500"));
            assertEquals(204, set.statusCode(), set::body);
            assertEquals(500, sendValid().statusCode());

            Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_OUTAGES_CLEAR_PATH, Map.of());
            assertEquals(202, sendValid().statusCode());
        }

        @Test
        void a_hung_endpoint_times_the_partner_out() {
            Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("partner_events", "hang"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.partnerEventsUrl()))
                    .timeout(Duration.ofMillis(300))
                    .header("Content-Type", "application/secevent+jwt")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.IDENTITY_FRAUD)
                                    .sign()))
                    .build();

            assertThrows(
                    HttpTimeoutException.class,
                    () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
            assertEquals(List.of(), simulator.recorder().partnerEvents());
        }

        @Test
        void over_the_per_ip_throttle_it_answers_login_gov_s_429_page() {
            simulator.throttle().enable(1, Duration.ofSeconds(300));

            assertEquals(202, sendValid().statusCode());
            HttpResponse<String> throttled = sendValid();

            assertEquals(429, throttled.statusCode());
            assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        }

        @Test
        void a_back_channel_delay_can_be_set_for_it() {
            HttpResponse<String> response = Http.postForm(
                    simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH,
                    Map.of("partnerEventsDelayMillis", "40"));

            assertEquals(204, response.statusCode(), response::body);
            assertEquals(Duration.ofMillis(40), simulator.backChannelDelays().of(Outages.Endpoint.PARTNER_EVENTS));
            simulator.backChannelDelays().clear();
        }
    }

    @Nested
    class Admin_api {
        @Test
        void lists_every_event_received_with_its_answer() {
            sendValid();
            PartnerEventBuilder.post(simulator, "bbb.bbb.bbb");

            HttpResponse<String> response = Http.get(simulator.issuer() + SimulatorContext.ADMIN_PARTNER_EVENTS_PATH);

            assertEquals(200, response.statusCode());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events =
                    (List<Map<String, Object>>) Http.json(response).get("partnerEvents");
            assertEquals(2, events.size());
            Map<String, Object> accepted = events.get(0);
            assertEquals(TestClients.CONFIDENTIAL, accepted.get("clientId"));
            assertEquals(PartnerEventBuilder.IDENTITY_FRAUD, accepted.get("eventType"));
            assertEquals("verified", accepted.get("personaId"));
            assertEquals(simulator.subjectOf("verified", TestClients.CONFIDENTIAL), accepted.get("sub"));
            assertEquals(202L, ((Number) accepted.get("status")).longValue());
            assertEquals(null, accepted.get("err"));
            assertTrue(accepted.containsKey("jti") && accepted.containsKey("occurredAt"));
            assertEquals(400L, ((Number) events.get(1).get("status")).longValue());
            assertEquals("jwtParse", events.get(1).get("err"));
        }

        @Test
        void clearing_them_also_forgets_the_jtis() {
            PartnerEventBuilder event =
                    PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.IDENTITY_FRAUD);
            assertEquals(202, event.send().statusCode());

            HttpResponse<String> cleared =
                    Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_PARTNER_EVENTS_CLEAR_PATH, Map.of());

            assertEquals(204, cleared.statusCode());
            assertEquals(List.of(), simulator.recorder().partnerEvents());
            assertEquals(202, event.send().statusCode());
        }

        @Test
        void the_personas_show_whether_a_new_password_is_required() {
            PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.AUTHORIZATION_FRAUD)
                    .send();

            HttpResponse<String> response = Http.get(simulator.issuer() + SimulatorContext.ADMIN_PERSONAS_PATH);

            assertEquals(200, response.statusCode());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> personas =
                    (List<Map<String, Object>>) Http.json(response).get("personas");
            Map<String, Object> verified = personas.stream()
                    .filter(persona -> persona.get("id").equals("verified"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(true, verified.get("passwordResetRequired"));
            assertEquals(simulator.now().toString(), verified.get("passwordResetAt"));
            assertTrue(personas.stream()
                    .filter(persona -> !persona.get("id").equals("verified"))
                    .allMatch(persona -> persona.get("passwordResetRequired").equals(false)
                            && persona.get("passwordResetAt") == null));
        }
    }

    @Test
    void the_simulator_s_page_escapes_what_partners_sent() {
        String hostile = "<script>alert(1)</script>";
        PartnerEventBuilder.of(simulator, "verified", hostile)
                .claim("iss", hostile)
                .claim("jti", hostile)
                .send();

        String page = Http.get(simulator.issuer() + SimulatorContext.PARTNER_EVENTS_PAGE_PATH)
                .body();

        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    }

    @Test
    void the_simulator_s_page_lists_them_and_the_root_page_links_to_it() {
        PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.AUTHORIZATION_FRAUD)
                .send();
        PartnerEventBuilder.post(simulator, "bbb.bbb.bbb");
        String pageUrl = simulator.issuer() + SimulatorContext.PARTNER_EVENTS_PAGE_PATH;

        HttpResponse<String> page = Http.get(pageUrl);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Authorization fraud detected"), page.body());
        assertTrue(page.body().contains("Accepted (HTTP 202)"), page.body());
        assertTrue(page.body().contains("Refused (HTTP 400, jwtParse)"), page.body());
        assertTrue(page.body().contains("chooses a new password at the next sign-in"), page.body());
        assertTrue(Http.get(simulator.issuer()).body().contains("href=\"" + pageUrl + "\""));
    }
}
