package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a test varies in the answers of Login.gov's server-to-server endpoints: media types, token
 * errors as problem details, the JWKS's members and keys, HTTP 429 with Retry-After, and a trickled
 * answer; in Java and over the admin API. Variations and faults, not Login.gov behaviour.
 */
class AnswerVariationsTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @AfterEach
    void clear() {
        simulator.outages().clear();
        simulator.jwks().clear();
    }

    private HttpResponse<String> admin(String path, Map<String, String> form) {
        return Http.postForm(simulator.issuer() + path, form);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> keys() {
        return (List<Map<String, Object>>)
                Http.json(Http.get(simulator.endpoints().jwks())).get("keys");
    }

    @Test
    void each_endpoint_answers_the_media_type_asked_for_until_cleared() {
        assertEquals(
                204,
                admin(
                                SimulatorContext.ADMIN_OUTAGES_PATH,
                                Map.of(
                                        "jwksMediaType", "application/jwk-set+json",
                                        "userinfoMediaType", "Application/JSON;Charset=UTF-8"))
                        .statusCode());

        HttpResponse<String> jwks = Http.get(simulator.endpoints().jwks());
        assertEquals("application/jwk-set+json", contentType(jwks));
        assertEquals(2, keys().size(), "the same JWKS");
        assertEquals(
                "Application/JSON;Charset=UTF-8",
                contentType(Http.get(simulator.endpoints().userinfo())));

        admin(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("jwksMediaType", "usual"));
        assertEquals(
                "application/json; charset=utf-8",
                contentType(Http.get(simulator.endpoints().jwks())));
        simulator.outages().mediaType(Outages.Endpoint.USERINFO, "application/json");
        simulator.outages().clear();
        assertEquals(
                "application/json; charset=utf-8",
                contentType(Http.get(simulator.endpoints().userinfo())));
    }

    @Test
    void token_errors_can_be_problem_details() {
        admin(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("tokenErrors", "problem"));

        HttpResponse<String> response = Http.postForm(
                simulator.endpoints().token(), Map.of("grant_type", "authorization_code", "code", "unknown"));

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", contentType(response));
        Map<String, Object> problem = Http.json(response);
        assertEquals("Bad Request", problem.get("title"));
        assertEquals(400L, ((Number) problem.get("status")).longValue());
        assertTrue(problem.get("detail") instanceof String detail && !detail.isBlank(), problem::toString);
        assertFalse(problem.containsKey("error"));
    }

    @Test
    void a_throttled_endpoint_answers_429_with_the_retry_after_asked_for() {
        admin(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("userinfo", "too_many_requests", "retryAfter", "7"));

        HttpResponse<String> response = Http.get(simulator.endpoints().userinfo());
        assertEquals(429, response.statusCode());
        assertEquals("7", response.headers().firstValue("Retry-After").orElse(null));
        assertEquals(1, simulator.outages().answeredDuringOutage(Outages.Endpoint.USERINFO), "counted");
        assertEquals(0, simulator.outages().answeredDuringOutage(Outages.Endpoint.TOKEN));

        simulator.outages().retryAfter(null);
        assertTrue(Http.get(simulator.endpoints().userinfo())
                .headers()
                .firstValue("Retry-After")
                .isEmpty());
        admin(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("retryAfter", "Wed, 21 Oct 2026 07:28:00 GMT"));
        assertEquals(
                "Wed, 21 Oct 2026 07:28:00 GMT",
                Http.get(simulator.endpoints().userinfo())
                        .headers()
                        .firstValue("Retry-After")
                        .orElse(null));
        assertEquals(
                400,
                admin(SimulatorContext.ADMIN_OUTAGES_PATH, Map.of("retryAfter", "a\u0001b"))
                        .statusCode());
    }

    @Test
    void a_trickled_answer_keeps_each_read_short_and_the_whole_long() throws Exception {
        simulator.outages().set(Outages.Endpoint.USERINFO, Outage.TRICKLE).trickleInterval(Duration.ofMillis(40));

        HttpURLConnection connection = (HttpURLConnection)
                URI.create(simulator.endpoints().userinfo()).toURL().openConnection();
        connection.setReadTimeout(500); // every single read must come within it
        long start = System.nanoTime();
        assertEquals(401, connection.getResponseCode());
        byte[] body;
        try (InputStream in = connection.getErrorStream()) {
            body = in.readAllBytes();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(new String(body).contains("error"), new String(body));
        assertTrue(millis >= 40L * (body.length - 1), () -> body.length + " bytes in " + millis + " ms");
        assertTrue(millis > 500, () -> "longer than one read timeout: " + millis + " ms");
    }

    @Test
    void jwks_members_can_be_minimal_all_or_shuffled() throws Exception {
        admin(SimulatorContext.ADMIN_JWKS_PATH, Map.of("members", "minimal"));
        for (Map<String, Object> key : keys()) {
            assertEquals(List.of("kty", "n", "e", "kid"), new ArrayList<>(key.keySet()));
        }

        admin(SimulatorContext.ADMIN_JWKS_PATH, Map.of("members", "all", "shuffleMembers", "true"));
        for (Map<String, Object> key : keys()) {
            assertNotEquals("kty", key.keySet().iterator().next(), "kty is not first");
            assertEquals(List.of("verify"), key.get("key_ops"));
            byte[] der = Base64.getDecoder().decode((String) ((List<?>) key.get("x5c")).get(0));
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            RSAKey jwk = RSAKey.parse(Map.of("kty", "RSA", "n", key.get("n"), "e", key.get("e")));
            assertEquals(jwk.toRSAPublicKey(), certificate.getPublicKey(), "x5c certifies this very key");
            assertEquals(
                    Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der))
                            .toString(),
                    key.get("x5t"));
            assertEquals(
                    Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der))
                            .toString(),
                    key.get("x5t#S256"));
        }
    }

    @Test
    void the_key_set_can_shrink_to_one_kid_less_key_or_withhold_the_signing_key() {
        List<Map<String, Object>> usual = keys();
        admin(SimulatorContext.ADMIN_JWKS_PATH, Map.of("kidlessSingleKey", "true"));
        List<Map<String, Object>> kidless = keys();
        assertEquals(1, kidless.size());
        assertFalse(kidless.get(0).containsKey("kid"));
        assertEquals(usual.get(0).get("n"), kidless.get(0).get("n"), "the signing key");

        admin(SimulatorContext.ADMIN_JWKS_PATH, Map.of("kidlessSingleKey", "false", "withholdSigningKey", "true"));
        List<Map<String, Object>> withheld = keys();
        assertEquals(1, withheld.size());
        assertEquals(usual.get(1).get("kid"), withheld.get(0).get("kid"), "the secondary only");

        simulator.jwks().clear();
        assertArrayEquals(usual.toArray(), keys().toArray());
    }
}
