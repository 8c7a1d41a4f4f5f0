package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Keycloak server of a cluster, run as an operator runs it: a Keycloak distribution of its own
 * with the provider JAR in {@code providers/}, built once ({@code kc.sh build}) and started with
 * {@code kc.sh start --optimized} as a child process, its console output in a log file. Keycloak's
 * test framework starts one server only, so the cluster's nodes are started here.
 */
public final class KeycloakNode implements AutoCloseable {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** Infinispan's log line for a new cluster view: {@code [node-a|1] (2) [node-a, node-b]}. */
    private static final Pattern CLUSTER_VIEW = Pattern.compile(
            "ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\) \\[([^\\]]*)\\]");

    private final String name;
    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;

    private KeycloakNode(String name, Process process, int httpPort, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * A fresh copy of the unpacked distribution {@code pristine} at {@code home}, with the provider
     * JAR deployed and {@code kc.sh build} run with {@code buildOptions}; its output goes to {@code log}.
     */
    public static void install(Path pristine, Path home, Path providerJar, List<String> buildOptions, Path log)
            throws IOException, InterruptedException {
        copy(pristine, home);
        Files.copy(
                providerJar,
                home.resolve("providers").resolve(providerJar.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(script(home).toString(), "build"));
        command.addAll(buildOptions);
        Process build = processBuilder(home, command, Map.of(), log).start();
        if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            stop(build);
            throw new IllegalStateException("kc.sh build did not finish within " + BUILD_TIMEOUT + "; see " + log);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + build.exitValue() + "); see " + log);
        }
    }

    /** Replaces {@code to} by a copy of the directory {@code from}, file modes kept (bin/kc.sh stays executable). */
    public static void copy(Path from, Path to) throws IOException {
        delete(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /**
     * Starts {@code kc.sh start --optimized} in {@code home} on 127.0.0.1: HTTP on {@code httpPort},
     * health on {@code managementPort}, and {@code options} (the cluster's shared settings).
     */
    public static KeycloakNode start(
            String name,
            Path home,
            int httpPort,
            int managementPort,
            List<String> options,
            Map<String, String> environment,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                script(home).toString(),
                "start",
                "--optimized",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort));
        command.addAll(options);
        Files.deleteIfExists(log);
        return new KeycloakNode(
                name, processBuilder(home, command, environment, log).start(), httpPort, managementPort, log);
    }

    public String name() {
        return name;
    }

    /** The node's own address, bypassing the front door (for its admin REST API and health). */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Waits until the node's readiness check (database included) answers 200; fails if it exits first. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " stopped during its start (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    /** The members of the last cluster view this node logged (empty before it joined one). */
    public List<String> clusterMembers() {
        Matcher view = CLUSTER_VIEW.matcher(logText());
        List<String> members = List.of();
        while (view.find()) {
            members = Arrays.stream(view.group(2).split(","))
                    .map(member -> member.trim().replaceFirst("\\(.*\\)$", ""))
                    .toList();
        }
        return members;
    }

    /** Waits until this node's last cluster view has exactly {@code members}. */
    public void awaitClusterView(List<String> members, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!clusterMembers().equals(members)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + "'s cluster view is " + clusterMembers() + ", not " + members
                        + " after " + timeout + ":\n" + logTail());
            }
            Thread.sleep(250);
        }
    }

    /**
     * SIGTERM to kc.sh and to Keycloak's JVM under it (a graceful shutdown: the node leaves the
     * cluster, handing its cache entries over), then waits; what is left is killed.
     */
    public void stop() {
        stop(process);
    }

    @Override
    public void close() {
        stop();
    }

    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        CompletableFuture<?> all = CompletableFuture.allOf(
                Stream.concat(Stream.of(process.onExit()), descendants.stream().map(ProcessHandle::onExit))
                        .toArray(CompletableFuture[]::new));
        try {
            all.get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static ProcessBuilder processBuilder(
            Path home, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The JDK running the tests runs Keycloak too.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static Path script(Path home) {
        Path script = home.resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(script)) {
            script.toFile().setExecutable(true);
        }
        return script;
    }

    private static void delete(Path directory) throws IOException {
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
