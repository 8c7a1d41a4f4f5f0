package io.github.kclogingov.demo.saml;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.demo.web.CookieSessions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
    private final SamlSpSettings settings;
    private final CookieSessions<SpSession> sessions = new CookieSessions<>("demo_saml_session", SpSession::new);
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
            SpHttp.Reply reply;
            try {
                reply = route(exchange);
            } catch (RuntimeException e) {
                // A bug of the demo, not something the person did: one line in the terminal, a page in the browser.
                System.err.println("[demo-saml] " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed: " + e);
                reply = SpHttp.Reply.page(
                        500,
                        SpPages.error(
                                "Something went wrong",
                                "The demo SAML application failed; its terminal says why.",
                                ""));
            }
            reply.send(exchange);
        }
    }

    private SpHttp.Reply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        return switch (path) {
            case "/" -> "GET".equals(method) ? home(exchange) : notAllowed();
            case "/sign-in" -> "POST".equals(method) ? signIn(exchange) : notAllowed();
            case "/saml/acs" -> "POST".equals(method) ? acs(exchange) : notAllowed();
            case "/sign-out" -> "POST".equals(method) ? signOut(exchange) : notAllowed();
            // Keycloak's LogoutResponse, redirected or posted (the client forces the POST binding).
            case "/saml/logout" -> "GET".equals(method) || "POST".equals(method) ? signedOut() : notAllowed();
            case "/favicon.ico" -> "GET".equals(method) ? new SpHttp.Reply(204, null, Map.of()) : notAllowed();
            default ->
                SpHttp.Reply.page(
                        404, SpPages.error("Not found", "The demo SAML application has no page at this address.", ""));
        };
    }

    private SpHttp.Reply signedOut() {
        return SpHttp.Reply.page(
                200,
                SpPages.signedOut(
                        settings.levels(), "You are signed out of this application, of Keycloak and of Login.gov."));
    }

    private SpHttp.Reply home(HttpExchange exchange) {
        Optional<SpSession.Current> current = session(exchange).flatMap(SpSession::current);
        return SpHttp.Reply.page(
                200,
                current.isPresent()
                        ? SpPages.signedIn(current.get(), settings)
                        : SpPages.signedOut(settings.levels(), null));
    }

    private SpHttp.Reply signIn(HttpExchange exchange) throws IOException {
        Optional<Map<String, String>> form = SpHttp.form(exchange);
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
                return SpHttp.Reply.page(
                        400,
                        SpPages.error("Unknown level", "This application offers no level named " + name + ".", ""));
            }
        }
        AuthnRequests.Outgoing request =
                requests.create(level.map(SamlLevel::classRef).orElse(null), AuthnContextComparisonType.EXACT, null);
        Map<String, String> headers = new LinkedHashMap<>();
        SpSession session = session(exchange).orElseGet(() -> {
            Map.Entry<String, SpSession> created = sessions.create();
            headers.put("Set-Cookie", sessions.setCookieHeader(created.getKey()));
            return created.getValue();
        });
        session.sent(request.id(), level, Instant.now());
        headers.put("Location", request.redirect().toString());
        return new SpHttp.Reply(303, null, headers);
    }

    private SpHttp.Reply acs(HttpExchange exchange) throws IOException {
        Optional<Map<String, String>> form = SpHttp.form(exchange);
        if (form.isEmpty()) {
            return tooLarge();
        }
        Optional<SpSession> session = session(exchange);
        if (session.isEmpty()) {
            return SpHttp.Reply.page(
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
                return SpHttp.Reply.page(200, SpPages.notSignedIn(refused.status()));
            }
            SamlResponseCheck.SignedIn signedIn = (SamlResponseCheck.SignedIn) outcome;
            session.get().signIn(signedIn.signIn(), signedIn.requested());
            return new SpHttp.Reply(303, null, Map.of("Location", "/"));
        } catch (SamlProblem problem) {
            return SpHttp.Reply.page(
                    400,
                    SpPages.error(
                            "Response refused",
                            "This application did not accept Keycloak's response: " + problem.getMessage(),
                            ""));
        }
    }

    private SpHttp.Reply signOut(HttpExchange exchange) {
        Optional<SpSession.Current> ended = session(exchange).flatMap(SpSession::signOut);
        if (ended.isEmpty()) {
            return new SpHttp.Reply(303, null, Map.of("Location", "/"));
        }
        URI logout = new SignOutRequests(settings).create(ended.get().signIn());
        return new SpHttp.Reply(303, null, Map.of("Location", logout.toString()));
    }

    private Optional<SpSession> session(HttpExchange exchange) {
        return sessions.find(exchange.getRequestHeaders().getFirst("Cookie"));
    }

    private static SpHttp.Reply notAllowed() {
        return SpHttp.Reply.page(405, SpPages.error("Not allowed", "This page is not used that way.", ""));
    }

    private static SpHttp.Reply tooLarge() {
        return SpHttp.Reply.page(
                413, SpPages.error("Too large", "What was posted is larger than any SAML response.", ""));
    }
}
