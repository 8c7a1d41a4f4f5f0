package io.github.kclogingov.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Login.gov's paths in front of an OpenID provider that serves its endpoints under paths of its
 * own. It maps each Login.gov path it is given to the provider's path and forwards the request
 * (method, query, headers, body) unchanged, adding only {@code X-Forwarded-Proto} and {@code
 * X-Forwarded-Port}, the headers any reverse proxy adds, so that the provider names its own URLs
 * with this front's address. It answers what the provider answered: status, headers and body
 * byte for byte, nothing rewritten (only {@code Content-Length}, {@code Transfer-Encoding} and
 * {@code Connection}, which belong to each hop, are set by this server itself). A path it was
 * not given answers 404, so nothing reaches the provider under its own names.
 *
 * <p>It records each request it forwarded, so that a test sees what the provider received.
 */
public final class LoginGovPathFront implements AutoCloseable {

    /** One request as the provider received it, under its Login.gov path, with the provider's status. */
    public record ForwardedRequest(
            String method, String path, Map<String, String> query, Map<String, String> form, int status) {}

    /** Set by each HTTP client or server for its own hop; the JDK's client refuses to set the first five. */
    private static final Set<String> HOP_HEADERS = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "te",
            "trailer",
            "proxy-connection");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI backend;
    private final Map<String, String> paths;
    private final List<ForwardedRequest> forwarded = new CopyOnWriteArrayList<>();
    /** Every request since the start, {@link #clear} or not: a JWKS is fetched once and cached. */
    private final List<ForwardedRequest> sinceStart = new CopyOnWriteArrayList<>();

    /**
     * @param backend where the provider listens, e.g. {@code http://localhost:40123}
     * @param paths each Login.gov path (such as {@code /api/openid_connect/token}) and the provider's path for it
     */
    public LoginGovPathFront(URI backend, Map<String, String> paths) {
        this.backend = backend;
        this.paths = Map.copyOf(paths);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Login.gov path front", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The requests forwarded so far, oldest first. */
    public List<ForwardedRequest> forwarded() {
        return List.copyOf(forwarded);
    }

    /** The requests forwarded so far to the Login.gov path {@code path}, oldest first. */
    public List<ForwardedRequest> forwardedTo(String path) {
        return forwarded.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests forwarded to {@code path} since this front started, {@link #clear} or not. */
    public List<ForwardedRequest> everForwardedTo(String path) {
        return sinceStart.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Forgets the requests {@link #forwarded} answers (not those {@link #everForwardedTo} answers). */
    public void clear() {
        forwarded.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String target = paths.get(path);
            if (target == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(backend + target + (rawQuery == null ? "" : "?" + rawQuery)))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("X-Forwarded-Proto", "http").header("X-Forwarded-Port", Integer.toString(port()));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            // Recorded before answering, so that whoever waits for the answer finds it recorded.
            ForwardedRequest record = new ForwardedRequest(
                    exchange.getRequestMethod(), path, pairs(rawQuery), form(exchange, body), response.statusCode());
            forwarded.add(record);
            sinceStart.add(record);
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> form(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? pairs(new String(body, StandardCharsets.US_ASCII))
                : Map.of();
    }

    private static Map<String, String> pairs(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            values.putIfAbsent(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
