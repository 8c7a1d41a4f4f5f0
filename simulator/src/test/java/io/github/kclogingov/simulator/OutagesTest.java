package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login.gov's server-to-server endpoints down on purpose: each {@link Outage} on each endpoint, set
 * in Java or over the admin API, lasting until cleared, and a clear that lets hung requests go.
 */
class OutagesTest {
    private LoginGovSimulator simulator;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @AfterEach
    void clear() {
        simulator.outages().clear();
    }

    private String url(Outages.Endpoint endpoint) {
        return switch (endpoint) {
            case DISCOVERY -> simulator.endpoints().discovery();
            case JWKS -> simulator.endpoints().jwks();
            case TOKEN -> simulator.endpoints().token();
            case USERINFO -> simulator.endpoints().userinfo();
            case PARTNER_EVENTS -> simulator.partnerEventsUrl();
        };
    }

    /** What the endpoint answers a request without credentials when it is up. */
    private static int usualStatus(Outages.Endpoint endpoint) {
        return switch (endpoint) {
            case DISCOVERY, JWKS -> 200;
            case TOKEN -> 400;
            case USERINFO -> 401;
            case PARTNER_EVENTS -> 400;
        };
    }

    private HttpRequest request(Outages.Endpoint endpoint, Duration timeout) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(endpoint))).timeout(timeout);
        if (endpoint == Outages.Endpoint.TOKEN) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=none"));
        } else if (endpoint == Outages.Endpoint.PARTNER_EVENTS) {
            request.header("Content-Type", "application/secevent+jwt")
                    .POST(HttpRequest.BodyPublishers.ofString("not-a-jwt"));
        }
        return request.build();
    }

    private HttpResponse<String> call(Outages.Endpoint endpoint) throws IOException, InterruptedException {
        return client.send(request(endpoint, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @ParameterizedTest
    @EnumSource(Outages.Endpoint.class)
    void a_server_error_is_an_html_500_until_cleared(Outages.Endpoint endpoint) throws Exception {
        simulator.outages().set(endpoint, Outage.HTTP_500);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = call(endpoint);
            assertEquals(500, response.statusCode(), "lasts: answer " + i);
            assertTrue(contentType(response).startsWith("text/html"));
        }
        simulator.outages().clear();
        assertEquals(usualStatus(endpoint), call(endpoint).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Outages.Endpoint.class)
    void a_maintenance_page_is_html_with_a_success_status(Outages.Endpoint endpoint) throws Exception {
        simulator.outages().set(endpoint, Outage.HTML);

        HttpResponse<String> response = call(endpoint);

        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("text/html"), contentType(response));
        assertTrue(response.body().contains("maintenance"), response.body());
    }

    @ParameterizedTest
    @EnumSource(Outages.Endpoint.class)
    void a_refused_endpoint_closes_the_connection_without_an_answer(Outages.Endpoint endpoint) {
        simulator.outages().set(endpoint, Outage.REFUSE);

        assertThrows(IOException.class, () -> call(endpoint));
    }

    @ParameterizedTest
    @EnumSource(Outages.Endpoint.class)
    void a_slow_endpoint_answers_as_usual_after_the_delay(Outages.Endpoint endpoint) throws Exception {
        simulator.outages().set(endpoint, Outage.SLOW).slowDelay(Duration.ofMillis(300));

        long start = System.nanoTime();
        HttpResponse<String> response = call(endpoint);

        assertEquals(usualStatus(endpoint), response.statusCode());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300), "answered after the delay");
    }

    @ParameterizedTest
    @EnumSource(Outages.Endpoint.class)
    void a_hung_endpoint_never_answers_until_released(Outages.Endpoint endpoint) throws Exception {
        simulator.outages().set(endpoint, Outage.HANG);

        assertThrows(
                HttpTimeoutException.class,
                () -> client.send(request(endpoint, Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()));
        simulator.outages().releaseHung(); // the request that timed out is let go
        awaitHanging(0);
        CompletableFuture<HttpResponse<String>> held =
                client.sendAsync(request(endpoint, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        awaitHanging(1);
        simulator.outages().clear();

        try {
            // The JDK's client sends a GET again once when the connection closes: that one meets the endpoint up.
            assertEquals(usualStatus(endpoint), held.get(10, TimeUnit.SECONDS).statusCode());
        } catch (ExecutionException closed) {
            assertInstanceOf(IOException.class, closed.getCause(), "closed without an answer once released");
        }
        assertEquals(usualStatus(endpoint), call(endpoint).statusCode(), "up again after the clear");
    }

    private void awaitHanging(int count) throws InterruptedException {
        for (int i = 0; i < 200 && simulator.outages().hanging() != count; i++) {
            Thread.sleep(25);
        }
        assertEquals(count, simulator.outages().hanging(), "requests held");
    }

    @Test
    void an_outage_of_one_endpoint_leaves_the_others_up() throws Exception {
        simulator.outages().set(Outages.Endpoint.TOKEN, Outage.REFUSE);

        assertEquals(200, call(Outages.Endpoint.JWKS).statusCode());
        assertEquals(200, call(Outages.Endpoint.DISCOVERY).statusCode());
        assertEquals(Outage.REFUSE, simulator.outages().of(Outages.Endpoint.TOKEN));
        assertEquals(Outage.NONE, simulator.outages().of(Outages.Endpoint.USERINFO));
    }

    @Nested
    class AdminApi {
        private HttpResponse<String> post(String path, Map<String, String> form) {
            return Http.postForm(simulator.issuer() + path, form);
        }

        @Test
        void sets_several_endpoints_and_the_delay_in_one_request() {
            HttpResponse<String> response = post(
                    SimulatorContext.ADMIN_OUTAGES_PATH,
                    Map.of("token", "hang", "userinfo", "HTTP_500", "jwks", "slow", "delayMillis", "1500"));

            assertEquals(204, response.statusCode(), response::body);
            assertEquals(Outage.HANG, simulator.outages().of(Outages.Endpoint.TOKEN));
            assertEquals(Outage.HTTP_500, simulator.outages().of(Outages.Endpoint.USERINFO));
            assertEquals(Outage.SLOW, simulator.outages().of(Outages.Endpoint.JWKS));
            assertEquals(Duration.ofMillis(1500), simulator.outages().slowDelay());
        }

        @Test
        void none_brings_an_endpoint_back() {
            simulator.outages().set(Outages.Endpoint.DISCOVERY, Outage.HTML);

            assertEquals(
                    204,
                    post(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("discovery", "none"))
                            .statusCode());
            assertEquals(Outage.NONE, simulator.outages().of(Outages.Endpoint.DISCOVERY));
        }

        @Test
        void an_unknown_outage_or_delay_is_a_400_that_sets_nothing() {
            HttpResponse<String> unknown =
                    post(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("token", "hang", "userinfo", "down"));
            assertEquals(400, unknown.statusCode());
            assertTrue(String.valueOf(Http.json(unknown).get("error")).contains("Unknown Outage \"down\""));
            HttpResponse<String> badDelay =
                    post(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("token", "slow", "delayMillis", "soon"));
            assertEquals(400, badDelay.statusCode());
            assertEquals(Outage.NONE, simulator.outages().of(Outages.Endpoint.TOKEN));
        }

        @Test
        void clearing_the_faults_or_the_outages_brings_every_endpoint_back() {
            for (String clear :
                    new String[] {SimulatorContext.ADMIN_FAULTS_CLEAR_PATH, SimulatorContext.ADMIN_OUTAGES_CLEAR_PATH
                    }) {
                simulator.outages().set(Outages.Endpoint.USERINFO, Outage.REFUSE);

                assertEquals(204, post(clear, Map.of()).statusCode());
                assertEquals(Outage.NONE, simulator.outages().of(Outages.Endpoint.USERINFO), clear);
            }
        }
    }
}
