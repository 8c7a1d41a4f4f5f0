package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.Containerfile;
import io.github.kclogingov.it.support.OperationsFiles;
import io.github.kclogingov.it.support.ProductionBuildOptions;
import io.github.kclogingov.it.support.YamlLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production image (docs/operations/image/Containerfile), the Keycloak Operator resource and
 * the keycloakx Helm values, checked as far as a machine without a container engine or registry
 * allows: no image is built or run here. What is checked is that the three files agree with the
 * build and with each other: Keycloak's version, the image's tag, its build options (those the
 * suite's own Keycloak runs with), and the provider JAR it copies in. No Keycloak is started.
 */
class ProductionImageTest {

    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak";
    private static final String KC_SH = "/opt/keycloak/bin/kc.sh";
    private static final Pattern PROVIDER_COPY =
            Pattern.compile("(?:--chown=\\S+\\s+)?(\\S+)\\s+/opt/keycloak/providers/");

    private static Containerfile containerfile;

    @BeforeAll
    static void readContainerfile() throws IOException {
        containerfile = Containerfile.read(OperationsFiles.containerfile());
    }

    /** The image's name with its tag, {@code <keycloak.version>-<project version>}, as the CR and values must run it. */
    private static String expectedTag() {
        return OperationsFiles.keycloakVersion() + "-" + OperationsFiles.projectVersion();
    }

    @Test
    void both_stages_start_from_keycloak_at_the_version_the_provider_is_built_against() {
        String keycloak = KEYCLOAK_IMAGE + ":" + OperationsFiles.keycloakVersion();
        assertEquals(List.of(keycloak + " AS builder", keycloak), containerfile.all("FROM"));
        assertEquals(2, containerfile.stages());
    }

    @Test
    void the_builder_stage_builds_and_the_final_stage_starts_optimized_from_its_result() {
        assertEquals(List.of(KC_SH + " build"), arguments(0, "RUN"), "the builder runs kc.sh build, once");
        assertTrue(arguments(1, "RUN").isEmpty(), "the final stage builds nothing again");
        assertEquals(
                List.of("--from=builder /opt/keycloak/ /opt/keycloak/"),
                arguments(1, "COPY"),
                "the final stage takes the whole built installation, and nothing else");
        assertEquals(List.of(List.of(KC_SH)), execForms("ENTRYPOINT"));
        assertEquals(List.of(List.of("start", "--optimized")), execForms("CMD"));
        assertTrue(containerfile.keycloakOptions(1).isEmpty(), "no option in the final stage: they would not be built");
    }

    /**
     * The image's build options are those the suite's Keycloak runs with, so that what the suite
     * shows on /metrics and /health holds for the image; the one exception is named: the database
     * vendor, which ClusterTest's nodes are built with.
     */
    @Test
    void the_image_is_built_with_the_suite_s_build_options_and_the_named_exception_only() {
        Map<String, String> expected = new LinkedHashMap<>(ProductionBuildOptions.OPTIONS);
        expected.put("db", ProductionBuildOptions.DATABASE_VENDOR);
        Map<String, String> built = containerfile.keycloakOptions(0);
        assertEquals(
                sorted(expected),
                sorted(built),
                "ENV KC_... of the builder stage against ProductionBuildOptions.OPTIONS plus db");
        assertTrue(
                ProductionBuildOptions.clusterBuildArguments()
                        .containsAll(built.entrySet().stream()
                                .map(option -> "--" + option.getKey() + "=" + option.getValue())
                                .toList()),
                "ClusterTest's nodes are built with every build option of the image");
    }

    @Test
    void the_provider_jar_copied_in_is_the_one_the_build_produces_with_its_themes() throws IOException {
        assertEquals(
                OperationsFiles.projectVersion(),
                containerfile.globalArgDefault("PROVIDER_VERSION"),
                "the JAR's version by default is this build's");
        List<String> copies = arguments(0, "COPY");
        assertEquals(1, copies.size(), "one COPY in the builder stage, the provider: " + copies);
        Matcher copy = PROVIDER_COPY.matcher(copies.get(0));
        assertTrue(copy.matches(), "the provider goes into /opt/keycloak/providers/: " + copies.get(0));
        for (String name : argumentsUsed(copy.group(1))) {
            assertTrue(
                    arguments(0, "ARG").contains(name),
                    "the builder stage must declare ARG " + name + ", or ${" + name + "} is empty there");
        }
        Path copied = OperationsFiles.root()
                .resolve(containerfile.expand(copy.group(1)))
                .normalize();
        assertEquals(OperationsFiles.providerJar(), copied, "the path the provider module writes its JAR to");
        // The reactor packages the provider before these tests; the build context must hold it.
        assertTrue(Files.isRegularFile(copied), copied + " is missing");
        try (ZipFile jar = new ZipFile(copied.toFile())) {
            assertNotNull(jar.getEntry("META-INF/keycloak-themes.json"), "the JAR declares its themes");
            assertNotNull(jar.getEntry("theme/logingov/login/theme.properties"), "the login theme comes with the JAR");
        }
    }

    @Test
    void the_image_s_label_states_its_tag_scheme() {
        String version = containerfile.labels(1).get("org.opencontainers.image.version");
        assertNotNull(version, "LABEL org.opencontainers.image.version in the final stage");
        for (String name : argumentsUsed(version)) {
            assertTrue(arguments(1, "ARG").contains(name), "the final stage must declare ARG " + name);
        }
        assertEquals(expectedTag(), containerfile.expand(version), "<keycloak.version>-<provider version>");
    }

    @Test
    void the_operator_runs_that_image_optimized_on_two_nodes_with_nothing_said_otherwise() throws IOException {
        Map<String, Object> resource = OperationsFiles.yamlDocument(OperationsFiles.operatorResource());
        assertEquals("k8s.keycloak.org/v2alpha1", resource.get("apiVersion"));
        assertEquals("Keycloak", resource.get("kind"));
        String image = (String) OperationsFiles.at(resource, "spec.image");
        assertNotNull(image, "spec.image");
        assertEquals(expectedTag(), image.substring(image.lastIndexOf(':') + 1), image);
        assertEquals(Boolean.TRUE, OperationsFiles.at(resource, "spec.startOptimized"));
        assertEquals(2, OperationsFiles.at(resource, "spec.instances"));

        // Build options here are ignored with a custom image; those present must say what the image says.
        Map<String, String> built = containerfile.keycloakOptions(0);
        assertEquals(built.get("db"), OperationsFiles.at(resource, "spec.db.vendor"));
        assertNull(OperationsFiles.at(resource, "spec.features"), "features are build options: set them in the image");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> additional =
                (List<Map<String, Object>>) OperationsFiles.at(resource, "spec.additionalOptions");
        assertNotNull(additional, "spec.additionalOptions");
        Map<String, Object> options = additional.stream()
                .collect(Collectors.toMap(option -> (String) option.get("name"), option -> option.get("value")));
        assertEquals(
                built.get("metrics-enabled"),
                options.get("metrics-enabled"),
                "the Operator makes its ServiceMonitor only when the resource says metrics are on");
        for (Map.Entry<String, Object> option : options.entrySet()) {
            if (built.containsKey(option.getKey())) {
                assertEquals(built.get(option.getKey()), option.getValue(), "additionalOptions " + option.getKey());
            }
        }

        for (String credential : List.of("usernameSecret", "passwordSecret")) {
            assertNotNull(OperationsFiles.at(resource, "spec.db." + credential + ".name"), credential);
            assertNotNull(OperationsFiles.at(resource, "spec.db." + credential + ".key"), credential);
        }
        assertNotNull(OperationsFiles.at(resource, "spec.http.tlsSecret"), "spec.http.tlsSecret");
        String hostname = (String) OperationsFiles.at(resource, "spec.hostname.hostname");
        assertTrue(hostname != null && hostname.startsWith("https://"), "a full https URL: " + hostname);
    }

    @Test
    void the_helm_values_run_that_image_optimized_on_two_nodes_with_the_image_s_build_options() throws IOException {
        Map<String, Object> values = OperationsFiles.yamlDocument(OperationsFiles.helmValues());
        Map<String, Object> operatorResource = OperationsFiles.yamlDocument(OperationsFiles.operatorResource());
        String image = OperationsFiles.at(values, "image.repository") + ":" + OperationsFiles.at(values, "image.tag");
        assertEquals(OperationsFiles.at(operatorResource, "spec.image"), image, "the same image as the Operator's");
        assertEquals(expectedTag(), OperationsFiles.at(values, "image.tag"));
        assertEquals(2, OperationsFiles.at(values, "replicas"));

        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) OperationsFiles.at(values, "command");
        assertNotNull(command, "command");
        assertEquals(List.of(KC_SH, "start", "--optimized"), command.subList(0, 3), "command " + command);
        assertTrue(
                command.stream().anyMatch(argument -> argument.startsWith("--hostname=https://")),
                "one public URL for every node: " + command);

        // The chart turns these into KC_* variables; build options must equal the image's.
        Map<String, String> built = containerfile.keycloakOptions(0);
        assertEquals(built.get("db"), OperationsFiles.at(values, "database.vendor"));
        assertEquals(built.get("metrics-enabled"), String.valueOf(OperationsFiles.at(values, "metrics.enabled")));
        assertEquals(built.get("health-enabled"), String.valueOf(OperationsFiles.at(values, "health.enabled")));
        assertEquals(
                built.getOrDefault("http-relative-path", "/"),
                OperationsFiles.at(values, "http.relativePath"),
                "the chart's context path (its default /auth) against the image's");
        assertEquals(Boolean.TRUE, OperationsFiles.at(values, "serviceMonitor.enabled"));
        assertEquals("default", OperationsFiles.at(values, "cache.stack"), "the chart's ispn with jdbc-ping");

        assertNull(OperationsFiles.at(values, "database.password"), "the password comes from a Secret");
        assertNotNull(OperationsFiles.at(values, "database.existingSecret"), "database.existingSecret");
    }

    @Test
    void the_yaml_files_pass_yamllint() throws IOException, InterruptedException {
        Path operations = OperationsFiles.operations();
        YamlLint.Result result = YamlLint.strict(operations.resolve(".yamllint"), List.of(operations));
        assertEquals(0, result.exitStatus(), "yamllint --strict:\n" + result.output());
    }

    private static List<String> arguments(int stage, String keyword) {
        return containerfile.stage(stage).stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .map(Containerfile.Instruction::arguments)
                .toList();
    }

    private static List<List<String>> execForms(String keyword) {
        return containerfile.all(keyword).stream().map(Containerfile::execForm).toList();
    }

    private static List<String> argumentsUsed(String text) {
        return Pattern.compile("\\$\\{(\\w+)}")
                .matcher(text)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    private static Map<String, String> sorted(Map<String, String> options) {
        return new TreeMap<>(options);
    }
}
