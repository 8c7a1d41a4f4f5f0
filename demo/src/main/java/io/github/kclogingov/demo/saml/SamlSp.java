package io.github.kclogingov.demo.saml;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;

/**
 * The demo SAML service provider: a SAML client of the demo realm served by the JDK's HTTP server
 * in the launcher's JVM. It asks for a level with {@code RequestedAuthnContext} and shows the
 * assertion it received; every SAML message is built and every signature checked by Keycloak's SAML
 * library ({@link AuthnRequests}, {@link SignedDocument}, {@link SamlResponseCheck}).
 *
 * <p>Routes: {@code GET /}, {@code POST /sign-in} (field {@code level}: a level name, empty for
 * none, or {@code unmapped}), {@code POST /saml/acs} (Keycloak's response), {@code POST /sign-out},
 * {@code GET} or {@code POST /saml/logout} (Keycloak's answer to the sign-out). Every failure is a page with a link
 * back, never a stack trace.
 */
public final class SamlSp implements AutoCloseable {
    /** A signed Keycloak response with a few attributes is a few kB; anything far larger is not one. */
    private static final int MAX_FORM_BYTES = 256 * 1024;

    private final SamlSpSettings settings;
    private final SpSessions sessions = new SpSessions();
    private final AuthnRequests requests;
    private final SamlResponseCheck check;
    private final IdpSigningKeys idpKeys;
    private final HttpServer server;
    private final ExecutorService executor;

    private SamlSp(SamlSpSettings settings, HttpServer server) {
        this.settings = settings;
        this.requests = new AuthnRequests(settings);
        this.check = new SamlResponseCheck(settings);
        this.idpKeys = new IdpSigningKeys(settings.idpDescriptorUrl());
        this.server = server;
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "demo-saml-sp");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts on the loopback interface; port 0 picks a free one (tests). */
    public static SamlSp start(SamlSpSettings settings, int port) throws IOException {
        SamlLibrary.init();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        SamlSp sp = new SamlSp(settings, server);
        server.createContext("/", sp::handle);
        server.setExecutor(sp.executor);
        server.start();
        return sp;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = route(exchange);
            } catch (RuntimeException e) {
                // A bug of the demo, not something the person did: one line in the terminal, a page in the browser.
                System.err.println("[demo-saml] " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed: " + e);
                reply = Reply.page(
                        500,
                        SpPages.error(
                                "Something went wrong",
                                "The demo SAML application failed; its terminal says why.",
                                ""));
            }
            reply.send(exchange);
        }
    }

    private Reply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        return switch (path) {
            case "/" -> "GET".equals(method) ? home(exchange) : notAllowed();
            case "/sign-in" -> "POST".equals(method) ? signIn(exchange) : notAllowed();
            case "/saml/acs" -> "POST".equals(method) ? acs(exchange) : notAllowed();
            case "/sign-out" -> "POST".equals(method) ? signOut(exchange) : notAllowed();
            // Keycloak's LogoutResponse, redirected or posted (the client forces the POST binding).
            case "/saml/logout" -> "GET".equals(method) || "POST".equals(method) ? signedOut() : notAllowed();
            case "/favicon.ico" -> "GET".equals(method) ? new Reply(204, null, Map.of()) : notAllowed();
            default ->
                Reply.page(
                        404, SpPages.error("Not found", "The demo SAML application has no page at this address.", ""));
        };
    }

    private Reply signedOut() {
        return Reply.page(
                200,
                SpPages.signedOut(
                        settings.levels(), "You are signed out of this application, of Keycloak and of Login.gov."));
    }

    private Reply home(HttpExchange exchange) {
        Optional<SpSession.Current> current = session(exchange).flatMap(SpSession::current);
        return Reply.page(
                200,
                current.isPresent()
                        ? SpPages.signedIn(current.get(), settings)
                        : SpPages.signedOut(settings.levels(), null));
    }

    private Reply signIn(HttpExchange exchange) throws IOException {
        Optional<Map<String, String>> form = form(exchange);
        if (form.isEmpty()) {
            return tooLarge();
        }
        String name = form.get().getOrDefault("level", "");
        Optional<SamlLevel> level;
        if (name.isEmpty()) {
            level = Optional.empty();
        } else if ("unmapped".equals(name)) {
            level = Optional.of(new SamlLevel("not-configured", SpPages.UNMAPPED_CLASS_REF));
        } else {
            level = settings.level(name);
            if (level.isEmpty()) {
                return Reply.page(
                        400,
                        SpPages.error("Unknown level", "This application offers no level named " + name + ".", ""));
            }
        }
        AuthnRequests.Outgoing request =
                requests.create(level.map(SamlLevel::classRef).orElse(null), AuthnContextComparisonType.EXACT, null);
        Map<String, String> headers = new LinkedHashMap<>();
        SpSession session = session(exchange).orElseGet(() -> {
            Map.Entry<String, SpSession> created = sessions.create();
            headers.put("Set-Cookie", SpSessions.setCookieHeader(created.getKey()));
            return created.getValue();
        });
        session.sent(request.id(), level, Instant.now());
        headers.put("Location", request.redirect().toString());
        return new Reply(303, null, headers);
    }

    private Reply acs(HttpExchange exchange) throws IOException {
        Optional<Map<String, String>> form = form(exchange);
        if (form.isEmpty()) {
            return tooLarge();
        }
        Optional<SpSession> session = session(exchange);
        if (session.isEmpty()) {
            return Reply.page(
                    400,
                    SpPages.error(
                            "Not signed in",
                            "This browser started no sign-in here (or the application restarted since); press Sign in again.",
                            ""));
        }
        try {
            SamlResponseCheck.Outcome outcome = check.check(
                    form.get().get("SAMLResponse"),
                    idpKeys.fetch(),
                    id -> session.get().answered(id, Instant.now()));
            if (outcome instanceof SamlResponseCheck.NotSignedIn refused) {
                return Reply.page(200, SpPages.notSignedIn(refused.status()));
            }
            SamlResponseCheck.SignedIn signedIn = (SamlResponseCheck.SignedIn) outcome;
            session.get().signIn(signedIn.signIn(), signedIn.requested());
            return new Reply(303, null, Map.of("Location", "/"));
        } catch (SamlProblem problem) {
            return Reply.page(
                    400,
                    SpPages.error(
                            "Response refused",
                            "This application did not accept Keycloak's response: " + problem.getMessage(),
                            ""));
        }
    }

    private Reply signOut(HttpExchange exchange) {
        Optional<SpSession.Current> ended = session(exchange).flatMap(SpSession::signOut);
        if (ended.isEmpty()) {
            return new Reply(303, null, Map.of("Location", "/"));
        }
        URI logout = new SignOutRequests(settings).create(ended.get().signIn());
        return new Reply(303, null, Map.of("Location", logout.toString()));
    }

    private Optional<SpSession> session(HttpExchange exchange) {
        return sessions.find(exchange.getRequestHeaders().getFirst("Cookie"));
    }

    /** The url-encoded form of a POST, or empty when it is larger than any form of these pages. */
    private static Optional<Map<String, String>> form(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        }
        if (body.length > MAX_FORM_BYTES) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.putIfAbsent(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed escape: the field is left out, as if it had not been sent.
            }
        }
        return Optional.of(fields);
    }

    private static Reply notAllowed() {
        return Reply.page(405, SpPages.error("Not allowed", "This page is not used that way.", ""));
    }

    private static Reply tooLarge() {
        return Reply.page(413, SpPages.error("Too large", "What was posted is larger than any SAML response.", ""));
    }

    /** An HTTP answer: a page, or a redirect ({@code body} null). */
    private record Reply(int status, String body, Map<String, String> headers) {
        static Reply page(int status, String html) {
            return new Reply(status, html, Map.of());
        }

        void send(HttpExchange exchange) throws IOException {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
