package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Keycloak server's log file, for checks of what the server wrote (and must never write). */
public final class ServerLog {

    private ServerLog() {}

    public static Path path() {
        return Path.of(System.getProperty("logingov.serverLog", "target/keycloak-server.log"))
                .toAbsolutePath();
    }

    public static String content() {
        try {
            return Files.exists(path()) ? Files.readString(path(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
