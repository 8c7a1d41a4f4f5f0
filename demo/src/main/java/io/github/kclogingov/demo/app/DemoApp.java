package io.github.kclogingov.demo.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.demo.web.CookieSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo application: a small OpenID Connect client of the demo realm, served by the JDK's HTTP
 * server inside the launcher's JVM, or on its own ({@link DemoAppMain}, e.g. in docker compose).
 * It signs in with the authorization code flow (PKCE S256, state and nonce checked) and shows what
 * it received.
 *
 * <p>Routes: {@code GET /} (sign-in link, or the result), {@code POST /sign-in} (a new request,
 * with an optional {@code acr_values}), {@code GET /callback} (Keycloak's answer), {@code POST
 * /sign-out} (Keycloak's end-session endpoint, back to {@code /}). Every failure is a page with a
 * link back, never a stack trace.
 *
 * <p>About 340 lines: it holds the routes, the small response type they share, and the notice an
 * answer to a signed-in request leaves; the pieces with rules of their own (PKCE and state,
 * id_token checks, pages, sessions) are separate classes.
 */
public final class DemoApp implements AutoCloseable {
    /** Form bodies here are one short field; anything longer is not from these pages. */
    private static final int MAX_FORM_BYTES = 4096;

    private final AppSettings settings;
    private final CookieSessions<BrowserSession> sessions =
            new CookieSessions<>("demo_app_session", BrowserSession::new);
    private final KeycloakClient keycloak;
    private final IdTokenCheck idTokenCheck;
    private final HttpServer server;
    private final ExecutorService executor;

    private DemoApp(AppSettings settings, HttpServer server) {
        this.settings = settings;
        this.keycloak = new KeycloakClient(settings);
        this.idTokenCheck = new IdTokenCheck(settings.issuer(), settings.clientId());
        this.server = server;
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "demo-app");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts on the loopback interface; port 0 picks a free one (tests). */
    public static DemoApp start(AppSettings settings, int port) throws IOException {
        return start(settings, InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Starts on {@code bindAddress}: loopback on a workstation, the wildcard address in a container
     * (published ports arrive on the container's interface, not on its loopback).
     */
    public static DemoApp start(AppSettings settings, InetAddress bindAddress, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        DemoApp app = new DemoApp(settings, server);
        server.createContext("/", app::handle);
        server.setExecutor(app.executor);
        server.start();
        return app;
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
            Response response;
            try {
                response = route(exchange);
            } catch (RuntimeException e) {
                // A bug of the demo, not something the person did: one line in the terminal, a page in the browser.
                System.err.println("[demo-app] " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed: " + e);
                response = Response.page(
                        500,
                        Pages.error("Something went wrong", "The demo application failed; its terminal says why.", ""));
            }
            response.send(exchange);
        }
    }

    private Response route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        return switch (path) {
            case "/" -> "GET".equals(method) ? home(exchange) : notAllowed();
            case "/sign-in" -> "POST".equals(method) ? signIn(exchange) : notAllowed();
            case "/callback" -> "GET".equals(method) ? callback(exchange) : notAllowed();
            case "/sign-out" -> "POST".equals(method) ? signOut(exchange) : notAllowed();
            // Browsers ask for it whatever the page says; an empty answer keeps a 404 out of their console.
            case "/favicon.ico" -> "GET".equals(method) ? Response.noContent() : notAllowed();
            default ->
                Response.page(404, Pages.error("Not found", "The demo application has no page at this address.", ""));
        };
    }

    private Response home(HttpExchange exchange) {
        Optional<BrowserSession> existing = existingSession(exchange);
        Optional<SignedIn> signedIn = existing.flatMap(BrowserSession::signedIn);
        String notice = null;
        if (signedIn.isPresent()) {
            notice = sessionEndedAtKeycloak(existing.get());
            if (notice == null) {
                return Response.page(
                        200,
                        Pages.signedIn(
                                signedIn.get(),
                                settings.levelNames(),
                                existing.get().takeNotice().orElse(null)));
            }
            existing.get().signOut();
        }
        Response response = Response.empty();
        BrowserSession session = existing.orElseGet(() -> newSession(response));
        PendingSignIn pending = PendingSignIn.start(null, Instant.now());
        session.addPending(pending);
        return response.withPage(200, Pages.signedOut(AuthorizationUrl.of(settings, pending), notice));
    }

    /**
     * Asks Keycloak, at every page, whether this sign-in still holds (as an application should before
     * trusting a session for long): when Login.gov suspends the person, Keycloak ends their sessions
     * and this application learns it here. Answers why the sign-in is over, or null while it holds.
     */
    private String sessionEndedAtKeycloak(BrowserSession session) {
        Optional<String> refreshToken = session.refreshToken();
        if (refreshToken.isEmpty()) {
            return "Keycloak gave this sign-in no refresh token, so it cannot be checked. Sign in again.";
        }
        try {
            Optional<String> next = keycloak.stillSignedIn(refreshToken.get());
            if (next.isEmpty()) {
                return "Keycloak ended your session: you were signed out elsewhere, or Login.gov reported "
                        + "something about your account (for example a suspension). Sign in again.";
            }
            session.refreshed(next.get());
            return null;
        } catch (SignInProblem e) {
            System.err.println("[demo-app] session check failed: " + e.getMessage());
            return "Keycloak could not be asked whether you are still signed in, so you are signed out here.";
        }
    }

    private Response signIn(HttpExchange exchange) throws IOException {
        String acrValues = QueryString.parse(formBody(exchange)).get("acr_values");
        if (acrValues != null && !settings.levelNames().contains(acrValues)) {
            return Response.page(
                    400,
                    Pages.error(
                            "Unknown level",
                            "The realm offers no level by this name.",
                            "<p><code>" + Html.escape(acrValues) + "</code></p>"));
        }
        Response response = Response.empty();
        BrowserSession session = existingSession(exchange).orElseGet(() -> newSession(response));
        PendingSignIn pending = PendingSignIn.start(acrValues, Instant.now());
        session.addPending(pending);
        return response.withRedirect(AuthorizationUrl.of(settings, pending));
    }

    private Response callback(HttpExchange exchange) {
        Map<String, String> answer = QueryString.parse(exchange.getRequestURI().getRawQuery());
        Optional<BrowserSession> browser = existingSession(exchange);
        Optional<PendingSignIn> pending =
                browser.flatMap(session -> session.takePending(answer.get("state"), Instant.now()));
        if (answer.containsKey("error")
                && pending.isPresent()
                && browser.get().signedIn().isPresent()) {
            // A step-up (or a new request) made while signed in did not happen: Keycloak kept the
            // session at its level, so does this application, and it says why on its page.
            browser.get().notice(Pages.levelNotRaised(answer.get("error"), answer.get("error_description")));
            return Response.empty().withRedirect("/");
        }
        if (answer.containsKey("error")) {
            return Response.page(400, Pages.oauthError(answer.get("error"), answer.get("error_description")));
        }
        if (pending.isEmpty()) {
            return Response.page(
                    400,
                    Pages.error(
                            "Not signed in",
                            "This answer does not belong to a sign-in this browser started here (its state is"
                                    + " unknown, already used or older than "
                                    + BrowserSession.PENDING_LIFETIME.toMinutes() + " minutes). Sign in again.",
                            ""));
        }
        String code = answer.get("code");
        if (code == null || code.isEmpty()) {
            return Response.page(
                    400, Pages.error("Not signed in", "Keycloak's answer has neither a code nor an error.", ""));
        }
        try {
            Map<String, Object> tokens = keycloak.redeem(code, pending.get());
            SignedIn signedIn = finishSignIn(tokens, pending.get());
            String refreshToken = tokens.get("refresh_token") instanceof String value ? value : null;
            existingSession(exchange).ifPresent(session -> session.signIn(signedIn, refreshToken));
            return Response.empty().withRedirect("/");
        } catch (SignInProblem e) {
            System.err.println("[demo-app] sign-in not finished: " + e.getMessage());
            return Response.page(
                    502,
                    Pages.error(
                            "Not signed in",
                            "The application could not finish the sign-in.",
                            "<p>" + Html.escape(e.getMessage()) + "</p>"));
        }
    }

    private SignedIn finishSignIn(Map<String, Object> tokens, PendingSignIn pending) throws SignInProblem {
        if (!(tokens.get("id_token") instanceof String idToken)
                || !(tokens.get("access_token") instanceof String accessToken)) {
            throw new SignInProblem("Keycloak's token answer lacks an id_token or an access_token.");
        }
        Map<String, Object> idTokenClaims =
                idTokenCheck.claims(idToken, keycloak.realmKeys(), pending.nonce(), Instant.now());
        Map<String, Object> userinfo = keycloak.userinfo(accessToken);
        if (idTokenClaims.get("sub") == null || !idTokenClaims.get("sub").equals(userinfo.get("sub"))) {
            throw new SignInProblem("Keycloak's userinfo is about someone else than the id_token.");
        }
        return new SignedIn(idToken, idTokenClaims, userinfo);
    }

    private Response signOut(HttpExchange exchange) {
        Optional<SignedIn> signedOut = existingSession(exchange).flatMap(BrowserSession::signOut);
        if (signedOut.isEmpty()) {
            return Response.empty().withRedirect("/");
        }
        // Keycloak ends its session, then sends the browser to Login.gov's end-session endpoint
        // (the simulator asks to confirm), and Login.gov sends it back through Keycloak to here.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", settings.clientId());
        parameters.put("id_token_hint", signedOut.get().idToken());
        parameters.put("post_logout_redirect_uri", settings.appUrl().toString());
        return Response.empty().withRedirect(settings.endSessionEndpoint() + "?" + QueryString.format(parameters));
    }

    private Optional<BrowserSession> existingSession(HttpExchange exchange) {
        return sessions.find(exchange.getRequestHeaders().getFirst("Cookie"));
    }

    private BrowserSession newSession(Response response) {
        Map.Entry<String, BrowserSession> created = sessions.create();
        response.setCookie(sessions.setCookieHeader(created.getKey()));
        return created.getValue();
    }

    private static Response notAllowed() {
        return Response.page(405, Pages.error("Not allowed", "This address does not take that kind of request.", ""));
    }

    private static String formBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
            return bytes.length > MAX_FORM_BYTES ? "" : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** What a route answers: a page, a redirect or nothing, and perhaps a new session cookie. */
    private static final class Response {
        private int status;
        private String html;
        private String location;
        private String cookie;

        static Response empty() {
            return new Response();
        }

        /** 204: nothing to show, e.g. no icon. */
        static Response noContent() {
            Response response = empty();
            response.status = 204;
            return response;
        }

        static Response page(int status, String html) {
            return empty().withPage(status, html);
        }

        Response withPage(int status, String html) {
            this.status = status;
            this.html = html;
            return this;
        }

        /** 303: after a form's POST or the callback, the browser GETs the next address. */
        Response withRedirect(String location) {
            this.status = 303;
            this.location = location;
            return this;
        }

        void setCookie(String setCookie) {
            this.cookie = setCookie;
        }

        void send(HttpExchange exchange) throws IOException {
            if (cookie != null) {
                exchange.getResponseHeaders().add("Set-Cookie", cookie);
            }
            // The pages show claims and hold one-time request URLs: nothing for a cache to keep.
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.getResponseHeaders().add("Referrer-Policy", "no-referrer");
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            if (html == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
