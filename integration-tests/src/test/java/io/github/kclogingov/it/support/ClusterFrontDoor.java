package io.github.kclogingov.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cluster's one public address, as the reverse proxy or load balancer in front of a production
 * cluster is: every node is started with {@code --hostname} set to this URL, so that each builds
 * the same issuer, broker redirect URI and push URL, the ones registered at Login.gov; the browser,
 * the application, Login.gov (the simulator) and the realm's admin client all use it. Unlike a
 * load balancer it does not choose the node: the test does ({@link #routeTo}), request by request,
 * which is what lets it start a sign-in on one node and land its callback on the other. Each
 * request it forwards is recorded with the node that answered, so that a test shows where every
 * hop went rather than assuming it.
 *
 * <p>It forwards HTTP/1.1 request by request (method, path, query, headers, body) and hands the
 * answer back unchanged (redirects included, never followed), adding the {@code X-Forwarded-*}
 * headers a proxy adds, which the nodes accept ({@code --proxy-headers=xforwarded}).
 */
public final class ClusterFrontDoor implements AutoCloseable {

    /** One forwarded request: the node that answered it, the method, path and status. */
    public record Hit(String node, String method, String path, int status) {}

    /** Headers of one hop only, or that the JDK's client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile KeycloakNode target;

    private ClusterFrontDoor(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on 127.0.0.1:{@code port}; routes nowhere until {@link #routeTo}. */
    public static ClusterFrontDoor start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cluster-front-door");
            thread.setDaemon(true);
            return thread;
        });
        ClusterFrontDoor door = new ClusterFrontDoor(server, threads);
        server.createContext("/", door::forward);
        server.setExecutor(threads);
        server.start();
        return door;
    }

    /** The public URL, e.g. {@code http://127.0.0.1:40123}: every node's {@code --hostname}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request from now on goes to {@code node}. */
    public void routeTo(KeycloakNode node) {
        target = node;
    }

    /** The requests forwarded since the last {@link #clearHits}, in order. */
    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public void clearHits() {
        hits.clear();
    }

    /** The node that answered the first request whose path ends with {@code pathEnd}, or null. */
    public String nodeThatServed(String method, String pathEnd) {
        return hits.stream()
                .filter(hit -> hit.method().equals(method) && hit.path().endsWith(pathEnd))
                .map(Hit::node)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        KeycloakNode node = target;
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (node == null) {
                answer(exchange, 503, "no node chosen".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(node.url() + path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            request.header(
                    "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
            request.header("X-Forwarded-Proto", "http");
            request.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"));
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                hits.add(new Hit(node.name(), exchange.getRequestMethod(), path, 502));
                answer(exchange, 502, (node.name() + " is unreachable").getBytes(StandardCharsets.UTF_8));
                return;
            }
            hits.add(new Hit(node.name(), exchange.getRequestMethod(), path, response.statusCode()));
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
