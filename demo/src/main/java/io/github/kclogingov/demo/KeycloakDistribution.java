package io.github.kclogingov.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An unpacked Keycloak distribution (the demo profile unpacks it under demo/target) with the
 * provider JAR in {@code providers/}.
 */
final class KeycloakDistribution {
    static final String PROVIDER_JAR = "logingov-keycloak-provider.jar";

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    static KeycloakDistribution at(Path home) throws DemoException {
        KeycloakDistribution distribution =
                new KeycloakDistribution(home.toAbsolutePath().normalize());
        if (!Files.isRegularFile(distribution.script())) {
            throw new DemoException(
                    "No Keycloak distribution at " + distribution.home
                            + ": run the demo from the repository root with ./mvnw -DskipTests -Pdemo verify, which unpacks it.");
        }
        if (!Files.isRegularFile(distribution.home.resolve("providers").resolve(PROVIDER_JAR))) {
            throw new DemoException("The Login.gov provider is missing from " + distribution.home.resolve("providers")
                    + ": run the demo with ./mvnw -DskipTests -Pdemo verify, which copies it there.");
        }
        return distribution;
    }

    Path home() {
        return home;
    }

    /** bin/kc.sh, made executable in case the unpacking lost the permission. */
    Path script() {
        Path script = home.resolve("bin").resolve("kc.sh");
        if (Files.isRegularFile(script) && !Files.isExecutable(script)) {
            script.toFile().setExecutable(true);
        }
        return script;
    }

    /**
     * Deletes the dev-mode H2 database: Keycloak imports a realm only when it does not exist yet,
     * and every run generates a new client-assertion key, so every run starts from the realm file.
     */
    void resetDevDatabase() throws DemoException {
        Path database = home.resolve("data").resolve("h2");
        if (!Files.exists(database)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(database)) {
            paths.sorted(Comparator.reverseOrder()).forEach(KeycloakDistribution::delete);
        } catch (IOException | UncheckedIOException e) {
            throw new DemoException("Cannot delete Keycloak's dev database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the realm file, alone, where {@code --import-realm} reads it, under the only name
     * Keycloak accepts there: {@code <realm>-realm.json}.
     */
    void stageRealm(Path realmFile, String realmName) throws DemoException {
        if (!Files.isRegularFile(realmFile)) {
            throw new DemoException("Realm file not found: " + realmFile);
        }
        Path importDirectory = home.resolve("data").resolve("import");
        try {
            Files.createDirectories(importDirectory);
            try (Stream<Path> staged = Files.list(importDirectory)) {
                // This distribution belongs to the demo: nothing else is to be imported.
                staged.filter(Files::isRegularFile).forEach(KeycloakDistribution::delete);
            }
            Files.copy(
                    realmFile, importDirectory.resolve(realmName + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            throw new DemoException("Cannot copy the realm file into " + importDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
