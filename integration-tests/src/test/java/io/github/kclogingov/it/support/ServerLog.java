package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Keycloak server's log file, for checks of what the server wrote (and must never write).
 *
 * <p>Keycloak's file handler rotates the file by size ({@code keycloak-server.log.1}, {@code .2},
 * ...), so the content is read from the oldest backup to the current file: a check of "nothing of
 * Login.gov's tokens in the log" must see every part, and offsets taken before a rotation stay
 * valid while the backups are kept.
 */
public final class ServerLog {

    /** Quarkus keeps five backups by default; a few more are looked for in case that changes. */
    private static final int MAX_BACKUPS = 20;

    private ServerLog() {}

    public static Path path() {
        return Path.of(System.getProperty("logingov.serverLog", "target/keycloak-server.log"))
                .toAbsolutePath();
    }

    public static String content() {
        StringBuilder text = new StringBuilder();
        for (int backup = MAX_BACKUPS; backup >= 1; backup--) {
            append(text, path().resolveSibling(path().getFileName() + "." + backup));
        }
        append(text, path());
        return text.toString();
    }

    private static void append(StringBuilder text, Path file) {
        try {
            if (Files.exists(file)) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
