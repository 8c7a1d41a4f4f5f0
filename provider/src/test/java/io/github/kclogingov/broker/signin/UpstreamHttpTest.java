package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.metrics.TestMeters;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;

/**
 * Calls to a small local server that misbehaves the ways an unavailable Login.gov does: each ends
 * in {@link LoginGovUnavailableException} naming the endpoint and what happened, and an ordinary
 * refusal (HTTP 401) stays an ordinary sign-in failure. Each call is timed, once, with how it ended.
 */
class UpstreamHttpTest {

    private static final UpstreamTimeouts SHORT = new UpstreamTimeouts(Duration.ofMillis(500), Duration.ofMillis(300));

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final AtomicInteger calls429 = new AtomicInteger();
    private final AtomicInteger closedSlowly = new AtomicInteger();
    private CloseableHttpClient apache;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start() throws IOException {
        meters = TestMeters.install();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/json", exchange -> send(exchange, 200, "application/json", "{\"sub\":\"x\"}"));
        server.createContext("/500", exchange -> send(exchange, 500, "text/html", "<h1>Internal Server Error</h1>"));
        server.createContext("/503", exchange -> send(exchange, 503, "application/json", "{}"));
        server.createContext("/html", exchange -> send(exchange, 200, "text/html; charset=utf-8", "<h1>Down</h1>"));
        server.createContext("/401", exchange -> send(exchange, 401, "application/json", "{\"error\":\"x\"}"));
        server.createContext("/close", HttpExchange::close);
        server.createContext("/hang", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/token", exchange -> {
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            send(exchange, 200, "application/json", "{}");
        });
        server.createContext("/429", exchange -> {
            calls429.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "7");
            send(exchange, 429, "application/problem+json", "{\"title\":\"Too Many Requests\"}");
        });
        server.createContext("/close-slowly", exchange -> {
            closedSlowly.incrementAndGet();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/oversized", exchange -> {
            // 1200 bytes at once, then more, slowly: an oversized answer is cut, never read to its end.
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1300);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[1200]);
                out.flush();
                for (int i = 0; i < 100; i++) {
                    Thread.sleep(100);
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/jwk-set", exchange -> send(exchange, 200, "application/jwk-set+json", "{\"keys\":[]}"));
        server.createContext("/trickle", exchange -> {
            // Each byte well within the read timeout (300 ms), the whole far beyond connect + read (800 ms).
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        // Apache's default client, with the retry handler Keycloak's client has too.
        apache = HttpClients.createDefault();
    }

    @AfterEach
    void stop() throws IOException {
        TestMeters.remove(meters);
        release.countDown();
        server.stop(0);
        apache.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** How many calls to {@code endpoint} the call meter counted with {@code outcome}, and none with another. */
    private void assertTimed(Endpoint endpoint, String outcome, long calls) {
        Collection<Timer> timers = meters.find("logingov.upstream.call").timers();
        assertEquals(
                1,
                timers.size(),
                () -> "one series: " + timers.stream().map(Timer::getId).toList());
        Timer timer = timers.iterator().next();
        assertEquals(endpoint.tag(), timer.getId().getTag("endpoint"));
        assertEquals(outcome, timer.getId().getTag("outcome"));
        assertEquals(calls, timer.count());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String unavailable(String path, Endpoint endpoint) {
        LoginGovLoginException failure = assertThrows(
                LoginGovLoginException.class,
                () -> UpstreamHttp.getJson(apache, url(path), null, endpoint, SHORT, 1000));
        assertInstanceOf(LoginGovUnavailableException.class, failure, failure::getMessage);
        return failure.getMessage();
    }

    @Test
    void every_timeout_of_the_request_is_the_providers() {
        RequestConfig config = UpstreamHttp.requestConfig(SHORT);
        assertEquals(500, config.getConnectTimeout());
        assertEquals(500, config.getConnectionRequestTimeout());
        assertEquals(300, config.getSocketTimeout());
    }

    @Test
    void a_json_answer_is_read() {
        assertEquals(
                "{\"sub\":\"x\"}", UpstreamHttp.getJson(apache, url("/json"), "at", Endpoint.USERINFO, SHORT, 1000));
        assertTimed(Endpoint.USERINFO, "success", 1);
        Timer timer = meters.find("logingov.upstream.call").timer();
        assertTrue(timer.totalTime(TimeUnit.NANOSECONDS) > 0, "the call's duration is recorded");
    }

    @Test
    void a_server_error_means_unavailable_with_its_status() {
        assertEquals(
                "Login.gov is unavailable: its userinfo endpoint answered HTTP 500",
                unavailable("/500", Endpoint.USERINFO));
        assertTimed(Endpoint.USERINFO, "server_error", 1);
        assertEquals(
                "Login.gov is unavailable: its JWKS (its signing keys) answered HTTP 503",
                unavailable("/503", Endpoint.JWKS));
    }

    @Test
    void a_page_instead_of_json_means_unavailable_with_its_media_type() {
        assertEquals(
                "Login.gov is unavailable: its userinfo endpoint answered text/html, not JSON",
                unavailable("/html", Endpoint.USERINFO));
    }

    @Test
    void an_answer_that_never_comes_fails_after_the_read_timeout() {
        long start = System.nanoTime();
        assertEquals(
                "Login.gov is unavailable: its JWKS (its signing keys) did not answer within 300 ms",
                unavailable("/hang", Endpoint.JWKS));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "well before the server gives up");
        assertTimed(Endpoint.JWKS, "timeout", 1);
    }

    @Test
    void a_connection_closed_without_an_answer_means_unavailable() {
        String reason = unavailable("/close", Endpoint.USERINFO);
        assertTrue(
                reason.equals("Login.gov is unavailable: its userinfo endpoint closed the connection without answering")
                        || reason.startsWith("Login.gov is unavailable: its userinfo endpoint dropped the connection"),
                reason);
    }

    @Test
    void a_refused_connection_means_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LoginGovLoginException failure = assertThrows(
                LoginGovUnavailableException.class,
                () -> UpstreamHttp.getJson(
                        apache, "http://127.0.0.1:" + closedPort + "/", null, Endpoint.USERINFO, SHORT, 1000));
        assertEquals("Login.gov is unavailable: its userinfo endpoint refused the connection", failure.getMessage());
        assertTimed(Endpoint.USERINFO, "unreachable", 1);
    }

    @Test
    void an_ordinary_refusal_is_not_an_outage() {
        LoginGovLoginException failure = assertThrows(
                LoginGovLoginException.class,
                () -> UpstreamHttp.getJson(apache, url("/401"), "at", Endpoint.USERINFO, SHORT, 1000));
        assertFalse(failure instanceof LoginGovUnavailableException);
        assertEquals("Login.gov's userinfo endpoint answered HTTP 401", failure.getMessage());
        assertTimed(Endpoint.USERINFO, "client_error", 1);
    }

    @Test
    void the_token_request_keycloak_built_is_sent_whole() {
        SimpleHttpRequest built = SimpleHttp.create(apache)
                .doPost(url("/token"))
                .param("code", "the-code")
                .param("grant_type", "authorization_code")
                .header("Authorization", "Basic abc");

        UpstreamCall.Answer answer =
                UpstreamCall.send(apache, UpstreamHttp.tokenPost(built), Endpoint.TOKEN, SHORT, 1000);

        assertEquals(200, answer.status());
        assertTrue(received.get("body").contains("code=the-code"), received::toString);
        assertTrue(received.get("body").contains("grant_type=authorization_code"), received::toString);
        assertEquals("Basic abc", received.get("authorization"));
    }

    @Test
    void any_json_media_type_is_json() {
        assertEquals("{\"keys\":[]}", UpstreamHttp.getJson(apache, url("/jwk-set"), null, Endpoint.JWKS, SHORT, 1000));
    }

    @Test
    void http_429_means_busy_with_its_retry_after_and_is_sent_once() {
        LoginGovBusyException busy = assertThrows(
                LoginGovBusyException.class,
                () -> UpstreamHttp.getJson(apache, url("/429"), "at", Endpoint.USERINFO, SHORT, 1000));

        assertEquals(
                "Login.gov is busy: its userinfo endpoint answered HTTP 429 (Too Many Requests); sign-ins through it"
                        + " wait 7 s (Retry-After)",
                busy.getMessage());
        assertEquals(Duration.ofSeconds(7), busy.waitTime());
        assertEquals(Endpoint.USERINFO, busy.endpoint());
        assertEquals(1, calls429.get(), "one request, never retried");
        assertTimed(Endpoint.USERINFO, "throttled", 1);
    }

    @Test
    void a_trickling_answer_is_cut_off_at_the_total_deadline() {
        long start = System.nanoTime();
        String reason = unavailable("/trickle", Endpoint.TOKEN);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(
                "Login.gov is unavailable: its token endpoint did not finish answering within 800 ms (the connect"
                        + " and read timeouts together)",
                reason);
        assertTrue(millis >= 800 && millis < 2000, () -> "cut off after " + millis + " ms");
        assertTimed(Endpoint.TOKEN, "timeout", 1);
        assertTrue(
                meters.find("logingov.upstream.call").timer().totalTime(TimeUnit.MILLISECONDS) >= 750,
                "about the deadline");
    }

    @Test
    void retries_of_the_http_client_count_inside_the_deadline() {
        // Each attempt is closed without an answer after 250 ms (within the read timeout); Apache's
        // client sends the GET again up to 3 times: 1000 ms in all, beyond the deadline of 800 ms.
        long start = System.nanoTime();
        String reason = unavailable("/close-slowly", Endpoint.JWKS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(closedSlowly.get() >= 2, () -> "the client retried: " + closedSlowly.get() + " attempts");
        assertTrue(
                reason.endsWith("did not finish answering within 800 ms (the connect and read timeouts together)"),
                reason);
        assertTrue(millis < 1000, () -> "cut off after " + millis + " ms");
    }

    @Test
    void an_oversized_answer_is_refused_without_reading_the_rest() {
        long start = System.nanoTime();
        LoginGovLoginException failure = assertThrows(
                LoginGovLoginException.class,
                () -> UpstreamHttp.getJson(apache, url("/oversized"), null, Endpoint.JWKS, SHORT, 1000));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertFalse(failure instanceof LoginGovUnavailableException);
        assertEquals("Login.gov's JWKS (its signing keys) answer is longer than 1000 bytes", failure.getMessage());
        assertTrue(millis < 600, () -> "refused after " + millis + " ms");
        assertTimed(Endpoint.JWKS, "too_large", 1);
    }
}
