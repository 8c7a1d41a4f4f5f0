package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.ClientAssertionKeyFiles;
import io.github.kclogingov.simulator.Main;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.ServiceProvider;
import io.github.kclogingov.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * and the same realm settings and simulator registration as {@link DemoLauncher}. {@code .ci/run}
 * also has {@code docker-compose config} parse it.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    private static final Pattern IMAGE = Pattern.compile("^\\s*image:\\s*(\\S+)\\s*$");
    /** A short-syntax bind mount: {@code - ./host/path:/container/path[:ro]}. */
    private static final Pattern BIND_MOUNT = Pattern.compile("^\\s*-\\s*(\\./[^:\\s]+):/\\S*$");

    private static List<String> composeLines() throws IOException {
        assertTrue(Files.isRegularFile(COMPOSE_FILE), COMPOSE_FILE + " is missing");
        // Comments are documentation (the demo application's placeholder among them), not services.
        return Files.readAllLines(COMPOSE_FILE).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .map(line -> line.replaceAll("\\s+#.*$", ""))
                .toList();
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
        assertTrue(images.size() >= 4, "expected Keycloak, PostgreSQL and two Java services, got " + images);
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
        assertTrue(sources.size() >= 4, "expected the two JARs, the realm and the simulator's config, got " + sources);
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
            // module's tests run), the file itself must be there.
            if (isPackaged(module.resolve("target"), artifactId)) {
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
        assertEquals(1, simulator.serviceProviders().size());
        ServiceProvider realm = simulator.serviceProviders().get(0);
        assertEquals(DemoLauncher.CLIENT_ID, realm.clientId());
        assertEquals(Registration.VERIFIED, realm.registration());
        assertEquals(
                List.of(DemoLauncher.BROKER_ENDPOINT, DemoLauncher.BROKER_ENDPOINT + "/logout_response"),
                realm.redirectUris());
        assertEquals(1, realm.certificates().size());
        if (!composeLines().contains("      - ./demo/compose/simulator.json:/opt/simulator/simulator.json:ro")) {
            fail("docker-compose.yml does not mount demo/compose/simulator.json where the simulator reads it");
        }
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
