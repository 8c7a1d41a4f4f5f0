package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The operator artefacts under docs/operations and the build facts they must agree with, as the
 * integration tests' POM passes them (the root POM's {@code keycloak.version} and the project
 * version). YAML is read with SnakeYAML, which Keycloak's server module brings onto this test
 * classpath (no dependency of its own), without constructing arbitrary types.
 */
public final class OperationsFiles {

    private OperationsFiles() {}

    public static Path root() {
        return Path.of(property("logingov.repositoryRoot")).toAbsolutePath().normalize();
    }

    public static Path operations() {
        return root().resolve("docs/operations");
    }

    public static Path containerfile() {
        return operations().resolve("image/Containerfile");
    }

    public static Path operatorResource() {
        return operations().resolve("operator/keycloak.yaml");
    }

    public static Path helmValues() {
        return operations().resolve("helm/keycloakx-values.yaml");
    }

    /** The root POM's keycloak.version: the Keycloak the provider is built against. */
    public static String keycloakVersion() {
        return property("logingov.keycloakVersion");
    }

    public static String projectVersion() {
        return property("logingov.projectVersion");
    }

    /** The JAR the provider module builds, the one the suite deploys. */
    public static Path providerJar() {
        return Path.of(property("logingov.providerJar")).toAbsolutePath().normalize();
    }

    /** The file's one YAML document, as a map; fails on a parse error or on more than one document. */
    public static Map<String, Object> yamlDocument(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(documents::add);
        }
        if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?>)) {
            throw new AssertionError(file + " should hold one YAML mapping, holds " + documents);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) documents.get(0);
        return document;
    }

    /** The value at a dotted path such as {@code spec.db.vendor}, or null where any part is missing. */
    public static Object at(Map<String, Object> document, String dottedPath) {
        Object current = document;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    name + " is not set; run through Maven (integration-tests/pom.xml sets it)");
        }
        return value;
    }
}
