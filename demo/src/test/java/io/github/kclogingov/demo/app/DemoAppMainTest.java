package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.demo.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone entry point, in this JVM and in a child JVM on this test's classpath, without
 * Keycloak: the signed-out home page needs nothing from it. (DemoAppJarAfterPackageTest runs the
 * packaged JAR the same way.)
 */
class DemoAppMainTest {
    static final Path REALM_FILE = Path.of("../realm-export/logingov-demo-realm.json");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    /** A port nothing listens on now; never one of the demo's fixed ports. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void it_serves_the_home_page_without_keycloak() throws Exception {
        int port = freePort();
        List<String> args =
                List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--realm-file", REALM_FILE.toString());
        try (DemoApp app = DemoAppMain.start(args, Map.of(), out)) {
            assertEquals(port, app.port());
            HttpResponse<String> home = get(URI.create("http://127.0.0.1:" + port + "/"));
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Sign in"), home.body());
            assertTrue(
                    home.body().contains("http://localhost:8080/realms/demo/protocol/openid-connect/auth?"),
                    "the sign-in link points at the default issuer");
        }
        String banner = output.toString(StandardCharsets.UTF_8);
        assertTrue(banner.contains("http://localhost:" + port + "/"), banner);
        assertTrue(banner.contains("auth-only, phishing-resistant, piv-cac, verified, verified-facial-match"), banner);
    }

    @Test
    void a_missing_realm_file_is_a_usage_error_naming_the_option(@TempDir Path directory) {
        AppUsageException e = assertThrows(
                AppUsageException.class,
                () -> DemoAppMain.start(
                        List.of("--port", String.valueOf(freePort()), "--realm-file", "no-such-realm.json"),
                        Map.of(),
                        out));
        assertTrue(e.getMessage().startsWith("--realm-file: there is no file "), e.getMessage());
    }

    @Test
    void a_realm_file_without_levels_cannot_start(@TempDir Path directory) throws IOException {
        Path realm = Files.writeString(directory.resolve("realm.json"), "{\"realm\":\"demo\"}");
        DemoAppMain.AppStartFailure e = assertThrows(
                DemoAppMain.AppStartFailure.class,
                () -> DemoAppMain.start(
                        List.of("--port", String.valueOf(freePort()), "--realm-file", realm.toString()),
                        Map.of(),
                        out));
        assertTrue(e.getMessage().startsWith("Cannot read the level names of the realm: "), e.getMessage());
    }

    @Test
    void a_taken_port_is_one_sentence_naming_it() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            DemoAppMain.AppStartFailure e = assertThrows(
                    DemoAppMain.AppStartFailure.class,
                    () -> DemoAppMain.start(
                            List.of(
                                    "--port",
                                    String.valueOf(taken.getLocalPort()),
                                    "--realm-file",
                                    REALM_FILE.toString()),
                            Map.of(),
                            out));
            assertTrue(e.getMessage().startsWith("Cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void a_child_jvm_answers_bad_options_with_one_line_and_exit_code_2() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                List.of("-cp", System.getProperty("java.class.path"), DemoAppMain.class.getName(), "--port", "x"),
                Map.of());
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("[demo-app] --port must be a port number from 1 to 65535, not \"x\"\n", result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void a_child_jvm_prints_help_to_standard_output_with_exit_code_0() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                List.of("-cp", System.getProperty("java.class.path"), DemoAppMain.class.getName(), "--help"), Map.of());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().startsWith("Usage:"), result.toString());
        assertEquals("", result.stderr());
    }

    @Test
    void a_child_jvm_serves_the_home_page_on_the_port_its_environment_names() throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                DemoAppMain.class.getName(),
                "--realm-file",
                REALM_FILE.toString()));
        try (ChildJvm child = ChildJvm.start(command, Map.of("DEMO_APP_PORT", String.valueOf(port)))) {
            HttpResponse<String> home = child.awaitHomePage(URI.create("http://127.0.0.1:" + port + "/"));
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Sign in"), home.body());
        }
    }

    @Test
    void the_child_jvm_helper_gives_up_on_a_process_that_never_answers() throws Exception {
        // Guards the helper itself: a JVM that exits at once is reported, not waited for until the timeout.
        try (ChildJvm child = ChildJvm.start(List.of("-version"), Map.of())) {
            IOException e = assertThrows(
                    IOException.class, () -> child.awaitHomePage(URI.create("http://127.0.0.1:" + freePort() + "/")));
            assertTrue(e.getMessage().contains("exited"), e.getMessage());
        }
    }
}
