package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The bytes of the database the Keycloak under test writes: the test framework's {@code dev-file}
 * H2 database (see {@code keycloak-test.properties}), where Keycloak 26 persists user sessions,
 * users, their attributes and federated identities. The files are read as they are on disk while
 * Keycloak runs: H2 stores ASCII text as plain bytes (no compression by default), so a string
 * Keycloak wrote can be found by searching the files. Each check is paired with one that must
 * find something Keycloak did write, so that "absent" is never the result of reading the wrong
 * files or reading them too early.
 */
public final class KeycloakDatabase {

    private KeycloakDatabase() {}

    /** The test framework's dev-file directory ({@code DevFileDatabaseSupplier}). */
    public static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "kc-test-framework", "h2");
    }

    /** Every file of the database, as Latin-1 text so that each byte is one character. */
    public static String content() {
        try (Stream<Path> files = Files.walk(directory())) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Keycloak's database files in " + directory(), e);
        }
    }

    /**
     * The database once it holds {@code written} (Keycloak persists sessions in the background and
     * H2 writes its pages shortly after a commit).
     */
    public static String contentOnceItHolds(String written, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String content = content();
            if (content.contains(written)) {
                return content;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "Keycloak's database in " + directory() + " never held " + written + " within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
