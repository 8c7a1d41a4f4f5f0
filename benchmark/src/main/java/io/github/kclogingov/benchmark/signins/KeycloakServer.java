package io.github.kclogingov.benchmark.signins;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keycloak in production mode ({@code kc.sh start}: themes and caches as an operator runs them),
 * on HTTP, with its dev-file database emptied first, the benchmark realm imported, metrics on the
 * management port, and its output in a log file. Stopped by its process id and descendants only.
 */
final class KeycloakServer implements AutoCloseable {
    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.Ee+]+)");

    private final Process process;
    private final int port;
    private final int managementPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KeycloakServer(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    static KeycloakServer start(
            Path home, int port, int managementPort, String heapOptions, List<String> moreOptions, Path log)
            throws IOException {
        deleteDirectory(home.resolve("data").resolve("h2"));
        List<String> command = new java.util.ArrayList<>(List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start",
                "--http-enabled=true",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port,
                "--db=dev-file",
                "--cache=local",
                "--metrics-enabled=true",
                "--import-realm"));
        command.addAll(moreOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", heapOptions);
        home.resolve("bin").resolve("kc.sh").toFile().setExecutable(true);
        return new KeycloakServer(builder.start(), port, managementPort);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Waits for the realm's discovery document; the first start also builds Keycloak with the provider. */
    void awaitRealm(String realm, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(url() + "/realms/" + realm + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IOException("Keycloak did not serve realm " + realm + " within " + timeout);
    }

    /**
     * Keycloak's heap in use after a full collection: {@code jcmd GC.run} on its JVM, then the sum of
     * the heap pools' {@code jvm_memory_used_bytes} from the management port's metrics.
     */
    long heapAfterGc() throws IOException, InterruptedException {
        ProcessHandle jvm = javaProcess().orElseThrow(() -> new IOException("Keycloak's JVM not found"));
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IOException("jcmd GC.run failed on Keycloak's JVM " + jvm.pid());
            }
            Thread.sleep(1000);
        }
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build();
        String body = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = HEAP_USED.matcher(body);
        double used = 0;
        boolean found = false;
        while (matcher.find()) {
            used += Double.parseDouble(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IOException("no jvm_memory_used_bytes{area=\"heap\"} in Keycloak's metrics");
        }
        return (long) used;
    }

    /** kc.sh runs Keycloak's JVM as itself or as a child. */
    private Optional<ProcessHandle> javaProcess() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(handle ->
                        handle.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** SIGTERM to Keycloak and its descendants, then a kill after a minute. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void deleteDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
