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
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;

/**
 * Calls to a small local server that misbehaves the ways an unavailable Login.gov does: each ends
 * in {@link LoginGovUnavailableException} naming the endpoint and what happened, and an ordinary
 * refusal (HTTP 401) stays an ordinary sign-in failure.
 */
class UpstreamHttpTest {

    private static final UpstreamTimeouts SHORT = new UpstreamTimeouts(Duration.ofMillis(500), Duration.ofMillis(300));

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private CloseableHttpClient apache;
    private SimpleHttp http;

    @BeforeEach
    void start() throws IOException {
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
        server.start();
        apache = HttpClients.createDefault();
        http = SimpleHttp.create(apache).withRequestConfig(UpstreamHttp.requestConfig(SHORT));
    }

    @AfterEach
    void stop() throws IOException {
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

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String unavailable(String path, Endpoint endpoint) {
        LoginGovLoginException failure = assertThrows(
                LoginGovLoginException.class, () -> UpstreamHttp.getJson(http, url(path), null, endpoint, SHORT, 1000));
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
        assertEquals("{\"sub\":\"x\"}", UpstreamHttp.getJson(http, url("/json"), "at", Endpoint.USERINFO, SHORT, 1000));
    }

    @Test
    void a_server_error_means_unavailable_with_its_status() {
        assertEquals(
                "Login.gov is unavailable: its userinfo endpoint answered HTTP 500",
                unavailable("/500", Endpoint.USERINFO));
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
                        http, "http://127.0.0.1:" + closedPort + "/", null, Endpoint.USERINFO, SHORT, 1000));
        assertEquals("Login.gov is unavailable: its userinfo endpoint refused the connection", failure.getMessage());
    }

    @Test
    void an_ordinary_refusal_is_not_an_outage() {
        LoginGovLoginException failure = assertThrows(
                LoginGovLoginException.class,
                () -> UpstreamHttp.getJson(http, url("/401"), "at", Endpoint.USERINFO, SHORT, 1000));
        assertFalse(failure instanceof LoginGovUnavailableException);
        assertEquals("Login.gov's userinfo endpoint answered HTTP 401", failure.getMessage());
    }

    @Test
    void the_token_request_keycloak_built_is_sent_whole_on_the_bounded_client() throws IOException {
        SimpleHttpRequest built = SimpleHttp.create(apache)
                .doPost(url("/token"))
                .param("code", "the-code")
                .param("grant_type", "authorization_code")
                .header("Authorization", "Basic abc");

        try (SimpleHttpResponse response = UpstreamHttp.bounded(http, built).asResponse()) {
            assertEquals(200, response.getStatus());
        }
        assertTrue(received.get("body").contains("code=the-code"), received::toString);
        assertTrue(received.get("body").contains("grant_type=authorization_code"), received::toString);
        assertEquals("Basic abc", received.get("authorization"));
    }
}
