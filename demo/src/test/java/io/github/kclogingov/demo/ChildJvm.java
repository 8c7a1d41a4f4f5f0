package io.github.kclogingov.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test, as a person or docker compose would start the demo application: this
 * JDK's {@code java} with the given arguments. Its output goes to files, so that a chatty child
 * never blocks on a full pipe; {@link #close()} stops it.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** What a child that ran to its end printed, and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** Runs {@code java <javaArgs>} to its end (at most a minute). */
    public static Result run(List<String> javaArgs, Map<String, String> environment)
            throws IOException, InterruptedException {
        try (ChildJvm child = start(javaArgs, environment)) {
            if (!child.process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("java " + javaArgs + " did not end within " + RUN_TIMEOUT.toSeconds() + " s");
            }
            return new Result(child.process.exitValue(), child.stdout(), child.stderr());
        }
    }

    /** Starts {@code java <javaArgs>} with {@code environment} added to this JVM's. */
    public static ChildJvm start(List<String> javaArgs, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        Path stdout = Files.createTempFile("child-jvm-", ".out");
        Path stderr = Files.createTempFile("child-jvm-", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // The child decides its settings from its own arguments, not from this machine's environment.
        builder.environment().keySet().removeIf(name -> name.startsWith("DEMO_APP_"));
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start(), stdout, stderr);
    }

    /** Polls {@code uri} until the child answers; fails at once if it has exited. */
    public HttpResponse<String> awaitHomePage(URI uri) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("the child JVM exited with code " + process.exitValue() + " before answering "
                        + uri + "; stdout: " + stdout() + " stderr: " + stderr());
            }
            try {
                return http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("nothing answered at " + uri + " within " + STARTUP_TIMEOUT.toSeconds()
                            + " s; stdout: " + stdout() + " stderr: " + stderr());
                }
                Thread.sleep(100);
            }
        }
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
    }
}
