package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * NAV's mock-oauth2-server 2.1.10 (no.nav.security:mock-oauth2-server, an OpenID provider nobody on
 * this project wrote) playing Login.gov, run by its own standalone main in a JVM of its own, on
 * the classpath Maven resolved from its own POM ({@code integration-tests/mock-oauth2-server}), so
 * that its Kotlin, OkHttp, Netty, Logback, Jackson and Nimbus never meet the test JVM's. Its log
 * goes to {@code mock-oauth2-server.log} beside Keycloak's.
 *
 * <p>What it is given, and why, since it cannot take Login.gov's shape alone:
 *
 * <ul>
 *   <li>Its endpoints live at {@code /<issuerId>/authorize}, {@code /token}, {@code /jwks},
 *       {@code /userinfo}, {@code /endsession}; Login.gov's paths reach them through a {@link
 *       LoginGovPathFront}, whose address is the issuer.
 *   <li>It names its issuer {@code http://host:port/<issuerId>}, without the trailing slash Login.gov's
 *       issuer has, and signs with a key whose {@code kid} is the issuerId. Only its root path
 *       (empty issuerId) gives {@code http://host:port/}, but with an empty {@code kid}, which the
 *       Login.gov provider refuses (rightly: Login.gov always names its key). So the tokens come from
 *       issuerId {@value #ISSUER_ID} ({@code kid} {@value #ISSUER_ID}), and its own token-callback
 *       setting ({@code JSON_CONFIG}'s {@code tokenCallbacks}) names their {@code iss} the front's
 *       {@code http://localhost:<port>/}. Its userinfo endpoint checks the access token's {@code iss}
 *       against the issuer of the path it is called at, so userinfo is forwarded to its root path
 *       ({@code /%2F/userinfo}: an encoded slash, which it reads as an empty issuerId).
 *   <li>It asserts what the person types on its login page: a subject and the claims as JSON. It
 *       applies none of Login.gov's rules by itself; the test types what Login.gov would assert.
 * </ul>
 */
public final class IndependentOpenIdProvider implements AutoCloseable {

    /** The issuerId whose endpoints and key serve as Login.gov's. */
    static final String ISSUER_ID = "default";

    private static final String MAIN_CLASS = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final LoginGovPathFront front;
    private final Path log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IndependentOpenIdProvider(Process process, LoginGovPathFront front, Path log) {
        this.process = process;
        this.front = front;
        this.log = log;
    }

    /** Starts the provider and its front on free ports; answers once it serves requests. */
    public static IndependentOpenIdProvider start() {
        int port = FreePorts.next();
        URI backend = URI.create("http://localhost:" + port);
        LoginGovPathFront front = new LoginGovPathFront(backend, loginGovPaths());
        String issuer = "http://localhost:" + front.port() + "/";
        Path log = Path.of(System.getProperty("logingov.serverLog", "target/keycloak-server.log"))
                .toAbsolutePath()
                .resolveSibling("mock-oauth2-server.log");
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx192m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        classpath(),
                        MAIN_CLASS)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().put("SERVER_HOSTNAME", "localhost");
        command.environment().put("SERVER_PORT", Integer.toString(port));
        command.environment().put("JSON_CONFIG", jsonConfig(issuer));
        try {
            // Before Keycloak has started, its log's directory may not exist yet.
            Files.createDirectories(log.getParent());
            IndependentOpenIdProvider provider = new IndependentOpenIdProvider(command.start(), front, log);
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "mock-oauth2-server-stop"));
            provider.awaitStarted(backend);
            return provider;
        } catch (IOException e) {
            front.close();
            throw new UncheckedIOException("cannot start mock-oauth2-server", e);
        }
    }

    /** Each endpoint the Login.gov provider derives from the issuer, and where mock-oauth2-server serves it. */
    private static Map<String, String> loginGovPaths() {
        String own = "/" + ISSUER_ID + "/";
        return Map.of(
                "/" + LoginGovEndpoints.AUTHORIZATION_PATH, own + "authorize",
                "/" + LoginGovEndpoints.TOKEN_PATH, own + "token",
                "/" + LoginGovEndpoints.JWKS_PATH, own + "jwks",
                "/" + LoginGovEndpoints.USERINFO_PATH, "/%2F/userinfo",
                "/" + LoginGovEndpoints.LOGOUT_PATH, own + "endsession");
    }

    /** Its interactive login page, and the {@code iss} of the tokens it issues at {@value #ISSUER_ID}. */
    private static String jsonConfig(String issuer) {
        Map<String, Object> callback = Map.of(
                "issuerId",
                ISSUER_ID,
                // Login.gov's sessions last 15 minutes; its tokens end with them.
                "tokenExpiry",
                900,
                "requestMappings",
                List.of(Map.of("requestParam", "grant_type", "match", "*", "claims", Map.of("iss", issuer))));
        return json(
                Map.of("interactiveLogin", true, "httpServer", "NettyWrapper", "tokenCallbacks", List.of(callback)));
    }

    /** The JARs copied by integration-tests/mock-oauth2-server; missing ones fail the test, never skip it. */
    private static String classpath() {
        Path lib = Path.of(System.getProperty("logingov.mockOAuth2Server.lib", "mock-oauth2-server/target/lib"));
        try (Stream<Path> jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("mock-oauth2-server-"))) {
                throw new IllegalStateException("No mock-oauth2-server JARs in " + lib.toAbsolutePath()
                        + ": build with ./mvnw -pl integration-tests -am verify");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lib.toAbsolutePath() + File.separator + "*";
    }

    private void awaitStarted(URI backend) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mock-oauth2-server stopped at start:\n" + logTail());
            }
            try {
                HttpResponse<String> alive = client.send(
                        HttpRequest.newBuilder(backend.resolve("/isalive")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (alive.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("mock-oauth2-server did not start within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** The issuer the Login.gov provider is given: the front's address, with Login.gov's trailing slash. */
    public String issuer() {
        return "http://localhost:" + front.port() + "/";
    }

    /**
     * The issuer mock-oauth2-server derives by itself for the tokens it issues at {@value #ISSUER_ID}
     * (before its token-callback setting renames it): without Login.gov's trailing slash.
     */
    public String ownIssuer() {
        return issuer() + ISSUER_ID;
    }

    /** What reached the provider, under Login.gov's paths. */
    public LoginGovPathFront front() {
        return front;
    }

    /**
     * The person on the provider's login page: types a subject and the claims to assert (as JSON)
     * and presses Sign-in; answers the provider's redirect back to Keycloak.
     */
    public HttpBrowser.Page signInAs(
            HttpBrowser browser, HttpBrowser.Page loginPage, String subject, Map<String, Object> claims) {
        assertEquals(200, loginPage.status(), () -> "expected mock-oauth2-server's login page, got " + loginPage);
        assertTrue(
                loginPage.uri().toString().startsWith(issuer() + LoginGovEndpoints.AUTHORIZATION_PATH + "?"),
                () -> "the login page is not at Login.gov's authorize path: " + loginPage.uri());
        assertTrue(
                loginPage.contains("name=\"username\"") && loginPage.contains("name=\"claims\""),
                () -> "not mock-oauth2-server's login form:\n" + loginPage.body());
        // The form has no action: a browser posts it to the page's own URL.
        return browser.post(loginPage.uri().toString(), Map.of("username", subject, "claims", json(claims)));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        // Called by the test class and by the shutdown hook: once is enough.
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        front.close();
    }
}
