package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file vault of the Keycloak under test ({@code --vault=file}): one file per secret, named
 * {@code <realm>_<key>}, read by Keycloak whenever a setting says {@code ${vault.<key>}}.
 */
public final class KeycloakVault {

    private KeycloakVault() {}

    public static Path directory() {
        return Path.of(System.getProperty("logingov.vaultDir", "target/keycloak-vault"))
                .toAbsolutePath();
    }

    /** Keycloak's directory of key store files, one directory per realm under it. */
    public static Path keystores() {
        return directory().resolveSibling("keycloak-keystores");
    }

    /** Creates the directory, which must exist when Keycloak starts. */
    static Path created() {
        try {
            return Files.createDirectories(directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores {@code secret} for {@code ${vault.<key>}} in {@code realm}; both names without {@code _}
     * (the vault doubles it in file names). Answers the expression to put in a setting.
     */
    public static String put(String realm, String key, String secret) {
        if (realm.contains("_") || key.contains("_")) {
            throw new IllegalArgumentException("no '_' in vault names here");
        }
        try {
            Files.writeString(created().resolve(realm + "_" + key), secret, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "${vault." + key + "}";
    }
}
