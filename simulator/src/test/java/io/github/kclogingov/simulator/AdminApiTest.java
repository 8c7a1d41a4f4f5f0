package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The HTTP admin API: the same faults and key controls as the Java API, for loopback callers. */
class AdminApiTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return Http.postForm(simulator.issuer() + path, form);
    }

    private static void assertBadRequest(HttpResponse<String> response, String text) {
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String error = (String) Http.json(response).get("error");
        assertTrue(error.contains(text), error);
    }

    private Flows.Tokens signIn() {
        return Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
    }

    @Nested
    class Faults {
        @Test
        void sets_an_id_token_fault() {
            HttpResponse<String> response =
                    post(SimulatorContext.ADMIN_FAULTS_PATH, Map.of("idToken", "ALG_NONE_MIXED"));
            assertEquals(204, response.statusCode());
            assertEquals("", response.body());
            AuthorizeParams params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
            assertEquals(
                    "nOnE",
                    JoseText.header(Flows.idTokenText(simulator, params)).get("alg"));
            assertEquals("RS256", JoseText.header(signIn().idToken()).get("alg"), "one-shot");
        }

        @Test
        void sets_userinfo_authorization_and_token_error_faults_in_one_request() {
            assertEquals(
                    204,
                    post(
                                    SimulatorContext.ADMIN_FAULTS_PATH,
                                    Map.of(
                                            "userinfo", "missing_sub",
                                            "authorization", "MISSING_STATE",
                                            "tokenError", "Code has expired"))
                            .statusCode());
            AuthorizeParams params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
            Map<String, String> redirect = Http.redirectParameters(Http.get(params.url(simulator)));
            assertFalse(redirect.containsKey("state"));
            HttpResponse<String> refused =
                    Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, redirect.get("code")));
            assertEquals("Code has expired", Http.json(refused).get("error"));
            HttpResponse<String> token =
                    Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, redirect.get("code")));
            String accessToken = (String) Http.json(token).get("access_token");
            assertFalse(Flows.userinfo(simulator, accessToken).containsKey("sub"));
        }

        @Test
        void clear_drops_pending_faults() {
            post(SimulatorContext.ADMIN_FAULTS_PATH, Map.of("idToken", "EXPIRED"));
            assertEquals(
                    204,
                    post(SimulatorContext.ADMIN_FAULTS_CLEAR_PATH, Map.of()).statusCode());
            long now = simulator.now().getEpochSecond();
            assertEquals(now + 900, signIn().claims().getExpirationTime().getTime() / 1000);
        }

        @Test
        void an_unknown_fault_name_is_a_400_naming_the_known_ones_and_sets_nothing() {
            HttpResponse<String> response = post(
                    SimulatorContext.ADMIN_FAULTS_PATH, Map.of("idToken", "NOT_A_FAULT", "userinfo", "MISSING_SUB"));
            assertBadRequest(response, "Unknown IdTokenFault \"NOT_A_FAULT\" for idToken; known: [TAMPERED_SIGNATURE");
            Flows.Tokens tokens = signIn();
            assertTrue(Flows.userinfo(simulator, tokens.accessToken()).containsKey("sub"), "nothing was set");
        }

        @Test
        void an_unknown_parameter_or_an_empty_request_is_a_400() {
            assertBadRequest(
                    post(SimulatorContext.ADMIN_FAULTS_PATH, Map.of("idTokn", "EXPIRED")),
                    "Unknown parameter \"idTokn\"");
            assertBadRequest(post(SimulatorContext.ADMIN_FAULTS_PATH, Map.of()), "Nothing to change");
            assertBadRequest(
                    post(SimulatorContext.ADMIN_FAULTS_PATH, Map.of("tokenError", "")), "tokenError cannot be empty");
        }

        @Test
        void a_hostile_value_is_echoed_short_and_printable() {
            HttpResponse<String> response =
                    post(SimulatorContext.ADMIN_FAULTS_PATH, Map.of("userinfo", "<b>\r\n" + "x".repeat(500)));
            assertEquals(400, response.statusCode());
            String error = (String) Http.json(response).get("error");
            assertFalse(error.contains("\r") || error.contains("\n"));
            assertTrue(error.length() < 400, error);
        }

        @Test
        void get_is_not_allowed() {
            assertEquals(
                    405,
                    Http.get(simulator.issuer() + SimulatorContext.ADMIN_FAULTS_PATH)
                            .statusCode());
        }
    }

    @Nested
    class Keys {
        @Test
        void rotate_makes_a_new_primary() {
            String before = JoseText.primary(simulator).getKeyID();
            assertEquals(
                    204, post(SimulatorContext.ADMIN_KEYS_ROTATE_PATH, Map.of()).statusCode());
            List<String> kids = JoseText.jwks(simulator).getKeys().stream()
                    .map(key -> key.getKeyID())
                    .toList();
            assertFalse(kids.get(0).equals(before));
            assertEquals(before, kids.get(1));
        }

        @Test
        void jwks_options_are_set_and_cleared() {
            assertEquals(
                    204,
                    post(SimulatorContext.ADMIN_JWKS_PATH, Map.of("unknownKeyTypes", "true", "singleKey", "true"))
                            .statusCode());
            assertTrue(simulator.jwks().unknownKeyTypes());
            assertTrue(simulator.jwks().singleKey());
            assertEquals(
                    204,
                    post(SimulatorContext.ADMIN_JWKS_PATH, Map.of("singleKey", "false"))
                            .statusCode());
            assertTrue(simulator.jwks().unknownKeyTypes(), "a parameter left out keeps its value");
            assertFalse(simulator.jwks().singleKey());
        }

        @Test
        void a_flag_other_than_true_or_false_is_a_400() {
            assertBadRequest(
                    post(SimulatorContext.ADMIN_JWKS_PATH, Map.of("singleKey", "yes")),
                    "singleKey must be true or false");
            assertFalse(simulator.jwks().singleKey());
        }
    }

    @Nested
    class Loopback_only {
        @Test
        void loopback_callers_are_permitted_and_others_are_not() throws Exception {
            assertTrue(LoopbackOnly.permits(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1)));
            assertTrue(LoopbackOnly.permits(new InetSocketAddress(InetAddress.getByName("::1"), 1)));
            assertFalse(LoopbackOnly.permits(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 1)));
            assertFalse(LoopbackOnly.permits(new InetSocketAddress(InetAddress.getByName("192.168.0.7"), 1)));
            assertFalse(LoopbackOnly.permits(null));
        }

        /** Over HTTP when this machine has a non-loopback address to call itself on. */
        @Test
        void a_caller_from_another_address_gets_403_and_changes_nothing() throws Exception {
            Optional<InetAddress> own = ownNonLoopbackAddress();
            assumeTrue(own.isPresent(), "no non-loopback IPv4 address on this machine");
            try (LoginGovSimulator open = LoginGovSimulator.start(
                    SimulatorConfig.builder()
                            .serviceProviders(TestClients.all())
                            .bindAddress("0.0.0.0")
                            .build(),
                    0)) {
                String url = "http://" + own.get().getHostAddress() + ":" + open.port() + "/"
                        + SimulatorContext.ADMIN_JWKS_PATH;
                HttpResponse<String> response = Http.postForm(url, Map.of("singleKey", "true"));
                assertEquals(403, response.statusCode());
                assertEquals(LoopbackOnly.REFUSED, Http.json(response).get("error"));
                assertFalse(open.jwks().singleKey());
                HttpResponse<String> local = Http.postForm(
                        "http://127.0.0.1:" + open.port() + "/" + SimulatorContext.ADMIN_JWKS_PATH,
                        Map.of("singleKey", "true"));
                assertEquals(204, local.statusCode());
            }
        }

        private Optional<InetAddress> ownNonLoopbackAddress() throws Exception {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
