package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip a real Login.gov's network adds to each back-channel endpoint: per endpoint, on every
 * answer of it (errors included) and on no other path. The pauses are recorded instead of slept, so
 * nothing here depends on timing but the one test that sleeps for real.
 */
class BackChannelDelayTest {
    private static final Duration TOKEN = Duration.ofMillis(41);
    private static final Duration USERINFO = Duration.ofMillis(43);
    private static final Duration JWKS = Duration.ofMillis(47);
    private static final Duration DISCOVERY = Duration.ofMillis(53);

    private LoginGovSimulator simulator;
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
        simulator.backChannelDelays().sleeper(pauses::add);
    }

    private HttpResponse<String> settings(Map<String, String> form) {
        return Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH, form);
    }

    private void delayEveryEndpoint() {
        simulator
                .backChannelDelays()
                .set(Outages.Endpoint.TOKEN, TOKEN)
                .set(Outages.Endpoint.USERINFO, USERINFO)
                .set(Outages.Endpoint.JWKS, JWKS)
                .set(Outages.Endpoint.DISCOVERY, DISCOVERY);
    }

    @Nested
    class Per_endpoint {
        @Test
        void none_by_default() {
            Flows.Tokens tokens = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
            Flows.userinfo(simulator, tokens.accessToken());
            Http.get(simulator.endpoints().jwks());
            Http.get(simulator.endpoints().discovery());
            assertEquals(List.of(), pauses);
            for (Outages.Endpoint endpoint : Outages.Endpoint.values()) {
                assertEquals(Duration.ZERO, simulator.backChannelDelays().of(endpoint));
            }
        }

        @Test
        void the_browser_s_pages_and_the_admin_api_wait_nothing() {
            delayEveryEndpoint();
            Flows.code(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
            Http.get(simulator.issuer());
            assertEquals(204, settings(Map.of("idTokenUserinfo", "true")).statusCode());
            assertEquals(List.of(), pauses);
        }

        @Test
        void each_endpoint_waits_its_own_delay_once_per_request() {
            delayEveryEndpoint();
            String code = Flows.code(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
            assertEquals(List.of(), pauses, "authorize is the browser's");

            HttpResponse<String> token =
                    Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code));
            assertEquals(200, token.statusCode(), token::body);
            assertEquals(List.of(TOKEN), pauses);

            Flows.userinfo(simulator, Flows.Tokens.of(Http.json(token), code).accessToken());
            assertEquals(List.of(TOKEN, USERINFO), pauses);

            assertEquals(200, Http.get(simulator.endpoints().jwks()).statusCode());
            assertEquals(List.of(TOKEN, USERINFO, JWKS), pauses);

            assertEquals(200, Http.get(simulator.endpoints().discovery()).statusCode());
            assertEquals(List.of(TOKEN, USERINFO, JWKS, DISCOVERY), pauses);
        }

        @Test
        void only_the_delayed_endpoint_waits() {
            simulator.backChannelDelays().set(Outages.Endpoint.USERINFO, USERINFO);
            Flows.Tokens tokens = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
            Http.get(simulator.endpoints().jwks());
            Http.get(simulator.endpoints().discovery());
            assertEquals(List.of(), pauses, "token, JWKS and discovery are not delayed");
            Flows.userinfo(simulator, tokens.accessToken());
            assertEquals(List.of(USERINFO), pauses);
        }

        @Test
        void a_round_trip_sets_token_userinfo_and_jwks_and_leaves_discovery() {
            simulator.backChannelDelays().setRoundTrip(Duration.ofMillis(50));
            assertEquals(Duration.ofMillis(50), simulator.backChannelDelays().of(Outages.Endpoint.TOKEN));
            assertEquals(Duration.ofMillis(50), simulator.backChannelDelays().of(Outages.Endpoint.USERINFO));
            assertEquals(Duration.ofMillis(50), simulator.backChannelDelays().of(Outages.Endpoint.JWKS));
            assertEquals(Duration.ZERO, simulator.backChannelDelays().of(Outages.Endpoint.DISCOVERY));
        }
    }

    @Nested
    class Every_kind_of_answer {
        @Test
        void an_error_waits_too() {
            delayEveryEndpoint();
            HttpResponse<String> token =
                    Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, "no-such-code"));
            assertEquals(400, token.statusCode());
            HttpResponse<String> userinfo =
                    Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer not-a-token");
            assertEquals(401, userinfo.statusCode());
            assertEquals(
                    405,
                    Http.postForm(simulator.endpoints().jwks(), Map.of("a", "b"))
                            .statusCode());
            assertEquals(List.of(TOKEN, USERINFO, JWKS), pauses);
        }

        @Test
        void an_outage_s_answer_waits_too() {
            delayEveryEndpoint();
            simulator.outages().set(Outages.Endpoint.JWKS, Outage.HTTP_500);
            assertEquals(500, Http.get(simulator.endpoints().jwks()).statusCode());
            assertEquals(List.of(JWKS), pauses);
        }

        @Test
        void a_throttled_request_waits_too() throws Exception {
            // Its own simulator: the shared one's count of throttled requests stays as other tests expect.
            SimulatorConfig config = SimulatorConfig.builder()
                    .serviceProviders(TestClients.all())
                    .throttle(ThrottleSettings.of(1, Duration.ofHours(1)))
                    .backChannelDelay(Outages.Endpoint.DISCOVERY, DISCOVERY)
                    .build();
            try (LoginGovSimulator throttled = LoginGovSimulator.start(config, 0)) {
                throttled.backChannelDelays().sleeper(pauses::add);
                assertEquals(200, Http.get(throttled.endpoints().discovery()).statusCode());
                assertEquals(429, Http.get(throttled.endpoints().discovery()).statusCode());
                assertEquals(List.of(DISCOVERY, DISCOVERY), pauses);
            }
        }
    }

    @Nested
    class Settings {
        @Test
        void the_admin_api_sets_each_endpoint_and_keeps_those_left_out() {
            HttpResponse<String> response =
                    settings(Map.of("tokenDelayMillis", "50", "userinfoDelayMillis", "60", "jwksDelayMillis", "70"));
            assertEquals(204, response.statusCode(), response::body);
            assertEquals(204, settings(Map.of("discoveryDelayMillis", "80")).statusCode());
            assertEquals(Duration.ofMillis(50), simulator.backChannelDelays().of(Outages.Endpoint.TOKEN));
            assertEquals(Duration.ofMillis(60), simulator.backChannelDelays().of(Outages.Endpoint.USERINFO));
            assertEquals(Duration.ofMillis(70), simulator.backChannelDelays().of(Outages.Endpoint.JWKS));
            assertEquals(Duration.ofMillis(80), simulator.backChannelDelays().of(Outages.Endpoint.DISCOVERY));
            assertEquals(204, settings(Map.of("tokenDelayMillis", "0")).statusCode());
            assertEquals(Duration.ZERO, simulator.backChannelDelays().of(Outages.Endpoint.TOKEN));
        }

        @Test
        void a_bad_value_is_400_and_changes_nothing() {
            for (String bad : List.of("-1", "10001", "1.5", "fifty", " ")) {
                HttpResponse<String> response = settings(Map.of("tokenDelayMillis", "50", "userinfoDelayMillis", bad));
                assertEquals(400, response.statusCode(), bad);
                String error = (String) Http.json(response).get("error");
                assertTrue(error.contains("userinfoDelayMillis") && error.contains("0 to 10000"), error);
            }
            assertEquals(Duration.ZERO, simulator.backChannelDelays().of(Outages.Endpoint.TOKEN));
            assertEquals(Duration.ZERO, simulator.backChannelDelays().of(Outages.Endpoint.USERINFO));
            assertEquals(204, settings(Map.of("userinfoDelayMillis", "10000")).statusCode());
        }

        @Test
        void java_refuses_what_is_not_whole_milliseconds_from_0_to_10_seconds() {
            BackChannelDelays delays = simulator.backChannelDelays();
            assertThrows(
                    IllegalArgumentException.class, () -> delays.set(Outages.Endpoint.TOKEN, Duration.ofMillis(-1)));
            assertThrows(
                    IllegalArgumentException.class, () -> delays.set(Outages.Endpoint.TOKEN, Duration.ofSeconds(11)));
            assertThrows(
                    IllegalArgumentException.class, () -> delays.set(Outages.Endpoint.TOKEN, Duration.ofNanos(1500)));
            SimulatorConfig.Builder builder = SimulatorConfig.builder();
            assertThrows(
                    IllegalArgumentException.class,
                    () -> builder.backChannelDelay(Outages.Endpoint.JWKS, Duration.ofMillis(10_001)));
            assertEquals(
                    Duration.ofMillis(50),
                    builder.backChannelDelay(Outages.Endpoint.JWKS, Duration.ofMillis(50))
                            .build()
                            .backChannelDelays()
                            .get(Outages.Endpoint.JWKS));
        }
    }

    @Nested
    class Configuration_file {
        @TempDir
        Path folder;

        private SimulatorConfig read(String json) throws Exception {
            Path file = folder.resolve("simulator.json");
            Files.writeString(file, json);
            return Main.readConfig(file).build();
        }

        @Test
        void reads_each_endpoint_s_delay() throws Exception {
            SimulatorConfig config = read("{\"backChannelDelayMillis\": {\"token\": 50, \"userinfo\": 51,"
                    + " \"jwks\": 52, \"discovery\": 0}, \"serviceProviders\": []}");
            assertEquals(
                    Map.of(
                            Outages.Endpoint.TOKEN, Duration.ofMillis(50),
                            Outages.Endpoint.USERINFO, Duration.ofMillis(51),
                            Outages.Endpoint.JWKS, Duration.ofMillis(52),
                            Outages.Endpoint.DISCOVERY, Duration.ZERO),
                    config.backChannelDelays());
        }

        @Test
        void left_out_there_is_none() throws Exception {
            assertEquals(Map.of(), read("{\"serviceProviders\": []}").backChannelDelays());
        }

        @Test
        void a_bad_value_is_a_clear_error() {
            for (String bad : List.of(
                    "{\"token\": -5}",
                    "{\"token\": 10001}",
                    "{\"token\": 2.5}",
                    "{\"token\": \"50\"}",
                    "{\"tokens\": 50}",
                    "50")) {
                IllegalArgumentException error = assertThrows(
                        IllegalArgumentException.class,
                        () -> read("{\"backChannelDelayMillis\": " + bad + ", \"serviceProviders\": []}"),
                        bad);
                assertTrue(
                        error.getMessage().contains("backChannelDelayMillis")
                                || error.getMessage().contains("token"),
                        error.getMessage());
            }
        }

        @Test
        void a_started_simulator_uses_it() throws Exception {
            SimulatorConfig config = SimulatorConfig.builder()
                    .serviceProviders(TestClients.all())
                    .throttle(ThrottleSettings.off())
                    .backChannelDelay(Outages.Endpoint.USERINFO, USERINFO)
                    .build();
            try (LoginGovSimulator started = LoginGovSimulator.start(config, 0)) {
                assertEquals(USERINFO, started.backChannelDelays().of(Outages.Endpoint.USERINFO));
                assertEquals(Duration.ZERO, started.backChannelDelays().of(Outages.Endpoint.TOKEN));
            }
        }
    }

    @Nested
    class Over_real_http {
        @Test
        void a_delayed_answer_arrives_no_sooner_than_the_delay_and_others_are_not_held() throws Exception {
            simulator.backChannelDelays().sleeper(null);
            Duration delay = Duration.ofMillis(400);
            simulator.backChannelDelays().set(Outages.Endpoint.JWKS, delay);
            // Several at once: each waits on its own thread, none queues behind another.
            int parallel = 12;
            List<Thread> callers = new ArrayList<>();
            List<Long> elapsed = Collections.synchronizedList(new ArrayList<>());
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            long begin = System.nanoTime();
            for (int i = 0; i < parallel; i++) {
                Thread caller = new Thread(() -> {
                    long start = System.nanoTime();
                    statuses.add(Http.get(simulator.endpoints().jwks()).statusCode());
                    elapsed.add(System.nanoTime() - start);
                });
                callers.add(caller);
                caller.start();
            }
            // Meanwhile an undelayed endpoint answers: the delay holds a worker, not the server.
            assertEquals(200, Http.get(simulator.endpoints().discovery()).statusCode());
            for (Thread caller : callers) {
                caller.join();
            }
            long all = System.nanoTime() - begin;
            assertEquals(Collections.nCopies(parallel, 200), statuses);
            for (long nanos : elapsed) {
                assertTrue(nanos >= delay.toNanos(), "answered after " + nanos / 1_000_000 + " ms");
            }
            // Queued one behind another they would take 12 x 400 ms; side by side far less.
            assertTrue(all < delay.toNanos() * parallel / 2, "all answered after " + all / 1_000_000 + " ms");
        }
    }
}
