package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against what {@code ./mvnw package} built, run by surefire after the package
 * phase (demo/pom.xml): every mounted host path exists, and the demo application's service command,
 * on the JAR compose mounts, serves its home page without Keycloak. It is what the container would
 * run, with the container's paths mapped back to the host's.
 */
class DemoComposeAfterPackageTest {

    @Test
    void every_mounted_host_path_exists() throws IOException {
        List<Matcher> mounts = ComposeFile.bindMounts();
        assertTrue(mounts.size() >= 6, "expected three JARs, the realm twice and the simulator's config");
        for (Matcher mount : mounts) {
            assertTrue(Files.exists(ComposeFile.ROOT.resolve(mount.group(1))), mount.group(1) + " does not exist");
        }
    }

    @Test
    void the_demo_app_service_s_command_serves_the_home_page_without_keycloak() throws Exception {
        List<String> demoApp = ComposeFile.service("demo-app");
        List<String> command = hostCommand(demoApp);
        assertEquals("java", command.get(0));
        // Its command keeps the default port 8082 (the demo's, perhaps in use here): a free one instead.
        int port = freePort();
        try (ChildJvm child =
                ChildJvm.start(command.subList(1, command.size()), Map.of("DEMO_APP_PORT", String.valueOf(port)))) {
            HttpResponse<String> home = child.awaitHomePage(URI.create("http://127.0.0.1:" + port + "/"));
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Sign in"), home.body());
            assertTrue(child.stdout().contains("listening on 0.0.0.0:" + port), child.stdout());
        }
    }

    @Test
    void the_jar_refuses_a_malformed_option_with_one_line_and_exit_code_2() throws Exception {
        List<String> command = hostCommand(ComposeFile.service("demo-app"));
        ChildJvm.Result result = ChildJvm.run(List.of("-jar", command.get(2), "--bind", "everywhere"), Map.of());
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals(
                "[demo-app] --bind must be an IP address such as 127.0.0.1 or 0.0.0.0, not \"everywhere\"\n",
                result.stderr());
    }

    /** The service's command with every mounted container path replaced by its host path. */
    private static List<String> hostCommand(List<String> service) {
        Map<String, String> hostPaths = new HashMap<>();
        for (String volume : ComposeFile.items(service, "volumes")) {
            Matcher mount = ComposeFile.BIND_MOUNT.matcher("- " + volume);
            if (mount.matches()) {
                hostPaths.put(
                        mount.group(2),
                        ComposeFile.ROOT.resolve(mount.group(1)).normalize().toString());
            }
        }
        List<String> command = new ArrayList<>();
        for (String argument : ComposeFile.items(service, "command")) {
            command.add(hostPaths.getOrDefault(argument, argument));
        }
        assertTrue(Files.isRegularFile(Path.of(command.get(2))), "the mounted JAR " + command.get(2));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
