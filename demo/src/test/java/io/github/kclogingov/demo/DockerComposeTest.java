package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.kclogingov.demo.app.AppCommandLine;
import io.github.kclogingov.demo.app.AppUsageException;
import io.github.kclogingov.demo.app.DemoAppMain;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.ClientAssertionKeyFiles;
import io.github.kclogingov.simulator.Main;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.ServiceProvider;
import io.github.kclogingov.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the top-level docker-compose.yml as far as a machine without a Docker engine can, line by
 * line (no YAML library): images pinned, Keycloak's version the build's, mounted host paths real,
 * and the same realm settings, simulator registration and demo application as {@link DemoLauncher}.
 * DemoComposeAfterPackageTest runs the demo application's service command on the packaged JAR. {@code .ci/run}
 * also has {@code docker-compose config} parse it.
 */
class DockerComposeTest {
    private static final Path ROOT = ComposeFile.ROOT;
    private static final Path COMPOSE_FILE = ComposeFile.FILE;
    private static final Pattern IMAGE = Pattern.compile("^\\s*image:\\s*(\\S+)\\s*$");
    private static final Pattern BIND_MOUNT = ComposeFile.BIND_MOUNT;
    /** The module these tests run in: its JARs are packaged after them (DemoComposeAfterPackageTest checks those). */
    private static final Path THIS_MODULE = Path.of("").toAbsolutePath();

    private static List<String> composeLines() throws IOException {
        return ComposeFile.lines();
    }

    private static List<String> matches(Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : composeLines()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    /** The first {@code <tag>} after {@code after} in a pom, or the first one at all. */
    private static String pomValue(Path pom, String after, String tag) throws IOException {
        String text = Files.readString(pom);
        int from = after == null ? 0 : text.indexOf(after);
        assertTrue(from >= 0, after + " not found in " + pom);
        Matcher matcher = Pattern.compile("<" + Pattern.quote(tag) + ">([^<]+)</" + Pattern.quote(tag) + ">")
                .matcher(text);
        assertTrue(matcher.find(from), "no <" + tag + "> in " + pom);
        return matcher.group(1).strip();
    }

    private static String projectVersion() throws IOException {
        return pomValue(ROOT.resolve("pom.xml"), "<artifactId>logingov-keycloak-parent</artifactId>", "version");
    }

    @Test
    void every_image_is_pinned_by_an_explicit_version_tag() throws IOException {
        List<String> images = matches(IMAGE);
        assertTrue(images.size() >= 5, "expected Keycloak, PostgreSQL and three Java services, got " + images);
        for (String image : images) {
            String name = image.substring(image.lastIndexOf('/') + 1);
            assertTrue(name.contains(":"), image + " has no tag: it would be whatever latest is that day");
            String tag = name.substring(name.indexOf(':') + 1);
            assertFalse(tag.equalsIgnoreCase("latest"), image + " is not pinned");
            assertTrue(tag.matches("\\d+(\\.\\d+)+.*"), image + ": the tag should start with a full version");
        }
    }

    @Test
    void keycloak_is_the_official_image_at_the_pom_s_keycloak_version() throws IOException {
        String keycloakVersion = pomValue(ROOT.resolve("pom.xml"), null, "keycloak.version");
        List<String> keycloakImages = matches(IMAGE).stream()
                .filter(image -> image.startsWith("quay.io/keycloak/keycloak:"))
                .toList();
        assertEquals(List.of("quay.io/keycloak/keycloak:" + keycloakVersion), keycloakImages);
    }

    @Test
    void every_mounted_host_path_exists_after_the_build() throws IOException {
        List<String> sources = matches(BIND_MOUNT);
        assertTrue(
                sources.size() >= 6,
                "expected the three JARs, the realm (twice) and the simulator's config, got " + sources);
        String version = projectVersion();
        for (String source : sources) {
            Path path = ROOT.resolve(source).normalize();
            int target = source.indexOf("/target/");
            if (target < 0) {
                assertTrue(Files.exists(path), source + " does not exist");
                continue;
            }
            // A build output: it must be the name this build gives it, with the project version.
            Path module = ROOT.resolve(source.substring(2, target));
            String artifactId = pomValue(module.resolve("pom.xml"), "</parent>", "artifactId");
            String fileName = path.getFileName().toString();
            assertTrue(
                    fileName.equals(artifactId + "-" + version + ".jar")
                            || fileName.equals(artifactId + "-" + version + "-all.jar"),
                    source + " is not what " + module.getFileName() + " builds: " + artifactId + "-" + version
                            + "[-all].jar");
            // Once the module has been packaged (./mvnw package or verify packages it before this
            // module's tests run), the file itself must be there. This module is packaged after its
            // tests: DemoComposeAfterPackageTest checks its JAR then.
            if (!module.equals(THIS_MODULE) && isPackaged(module.resolve("target"), artifactId)) {
                assertTrue(Files.isRegularFile(path), source + " is missing although " + artifactId + " was built");
            }
        }
    }

    private static boolean isPackaged(Path target, String artifactId) throws IOException {
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(artifactId + "-")
                    && file.getFileName().toString().endsWith(".jar"));
        }
    }

    @Test
    void keycloak_gets_the_realm_placeholders_the_launcher_gives() throws IOException {
        List<String> lines = composeLines();
        assertTrue(lines.contains("      LOGINGOV_BASE_URL: " + DemoLauncher.SIMULATOR_ISSUER), "LOGINGOV_BASE_URL");
        assertTrue(lines.contains("      LOGINGOV_CLIENT_ID: " + DemoLauncher.CLIENT_ID), "LOGINGOV_CLIENT_ID");
        assertTrue(lines.contains("      KC_DB: postgres"), "KC_DB");
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.contains(
                                "kc.sh start-dev --http-port " + DemoLauncher.KEYCLOAK_PORT + " --import-realm")),
                "Keycloak's command");
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.matches("\\s*- \\./realm-export/logingov-demo-realm\\.json:"
                                + "/opt/keycloak/data/import/" + DemoLauncher.REALM + "-realm\\.json:ro")),
                "the realm is imported under the name Keycloak accepts");
    }

    @Test
    void the_simulator_registers_the_realm_as_the_launcher_does(@TempDir Path keys) throws IOException {
        ClientAssertionKeyFiles.writeIfAbsent(keys);
        // The configuration names the certificate at its path in the container's key volume.
        Path config = keys.resolve("simulator.json");
        Files.writeString(
                config,
                Files.readString(ROOT.resolve("demo/compose/simulator.json")).replace("/keys/", keys.toString() + "/"));

        SimulatorConfig simulator = Main.readConfig(config).build();

        assertEquals(DemoLauncher.SIMULATOR_ISSUER, simulator.issuer());
        assertEquals(Mode.INTERACTIVE, simulator.mode());
        assertEquals("0.0.0.0", simulator.bindAddress(), "published ports reach the container's interface");
        assertFalse(simulator.throttle().enabled(), "no per-IP throttle in the demo, as the launcher's");
        assertEquals(1, simulator.serviceProviders().size());
        ServiceProvider realm = simulator.serviceProviders().get(0);
        assertEquals(DemoLauncher.CLIENT_ID, realm.clientId());
        assertEquals(Registration.VERIFIED, realm.registration());
        assertEquals(
                List.of(DemoLauncher.BROKER_ENDPOINT, DemoLauncher.BROKER_ENDPOINT + "/logout_response"),
                realm.redirectUris());
        assertEquals(1, realm.certificates().size());
        assertEquals(DemoLauncher.PUSH_URL, realm.pushUrl().orElseThrow(), "security events reach the realm");
        if (!composeLines().contains("      - ./demo/compose/simulator.json:/opt/simulator/simulator.json:ro")) {
            fail("docker-compose.yml does not mount demo/compose/simulator.json where the simulator reads it");
        }
    }

    @Test
    void the_demo_application_is_a_service_in_the_simulator_s_network_namespace() throws IOException {
        List<String> demoApp = ComposeFile.service("demo-app");
        assertEquals(
                ComposeFile.value(ComposeFile.service("simulator"), "image"),
                ComposeFile.value(demoApp, "image"),
                "the same Java runtime image as the simulator");
        // Keycloak's issuer http://localhost:8080/realms/demo must be one URL for it and the browser.
        assertEquals("service:simulator", ComposeFile.value(demoApp, "network_mode"));
        assertTrue(demoApp.contains("      keycloak:"), "demo-app depends on keycloak: " + demoApp);
        String published = DemoLauncher.APP_PORT + ":" + DemoLauncher.APP_PORT;
        assertTrue(
                ComposeFile.items(ComposeFile.service("simulator"), "ports").contains(published),
                "the namespace's owner, the simulator service, publishes " + published);
        assertFalse(demoApp.stream().anyMatch(line -> line.startsWith("    ports:")), "network_mode forbids ports:");
    }

    @Test
    void the_demo_application_runs_the_runnable_jar_this_module_builds() throws IOException {
        List<String> demoApp = ComposeFile.service("demo-app");
        String jar = "./demo/target/logingov-demo-" + projectVersion() + "-all.jar";
        assertTrue(
                ComposeFile.items(demoApp, "volumes").contains(jar + ":/opt/demo/demo.jar:ro"),
                "demo-app mounts " + jar + " read-only");
        assertEquals(
                List.of("java", "-jar", "/opt/demo/demo.jar"),
                ComposeFile.items(demoApp, "command").subList(0, 3));
        // Before this module is packaged, its pom must be what makes that name and runs that class.
        String pom = Files.readString(ROOT.resolve("demo/pom.xml"));
        assertTrue(pom.contains("<shadedClassifierName>all</shadedClassifierName>"), "demo/pom.xml shades an -all JAR");
        assertTrue(
                pom.contains("<mainClass>" + DemoAppMain.class.getName() + "</mainClass>"),
                "the -all JAR's Main-Class is " + DemoAppMain.class.getName());
    }

    @Test
    void the_demo_application_gets_the_launcher_s_settings_and_listens_on_all_interfaces()
            throws IOException, AppUsageException {
        List<String> demoApp = ComposeFile.service("demo-app");
        List<String> command = ComposeFile.items(demoApp, "command");
        List<String> environment = demoApp.stream()
                .filter(line -> line.startsWith("    environment:"))
                .toList();
        assertEquals(List.of(), environment, "its settings are all on its command line, where they are read");

        AppCommandLine settings = AppCommandLine.parse(command.subList(3, command.size()), Map.of());

        assertEquals(URI.create(DemoLauncher.APP_URL), settings.appUrl());
        assertEquals(DemoLauncher.KEYCLOAK_URL + "/realms/" + DemoLauncher.REALM, settings.issuer());
        assertEquals(DemoLauncher.APP_CLIENT_ID, settings.clientId());
        assertEquals(DemoLauncher.APP_PORT, settings.port());
        assertTrue(settings.bindAddress().isAnyLocalAddress(), "published ports arrive on the container's interface");
        assertTrue(
                ComposeFile.items(demoApp, "volumes")
                        .contains("./realm-export/logingov-demo-realm.json:" + settings.realmFile() + ":ro"),
                "the level names come from the realm file Keycloak imports, mounted at " + settings.realmFile());
    }

    /**
     * Debian's docker-compose (1.x) parses and validates the file without a Docker engine; `.ci/run`
     * installs it. Without it this check is reported skipped, never passed.
     */
    @Test
    void docker_compose_itself_accepts_the_file_when_it_is_installed() throws Exception {
        Path dockerCompose = Path.of("/usr/bin/docker-compose");
        Assumptions.assumeTrue(Files.isExecutable(dockerCompose), "docker-compose is not installed");
        Process check = new ProcessBuilder(dockerCompose.toString(), "-f", COMPOSE_FILE.toString(), "config", "--quiet")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS), "docker-compose config hung");
        assertEquals(0, check.exitValue(), () -> "docker-compose config refused the file:\n" + output);
    }
}
