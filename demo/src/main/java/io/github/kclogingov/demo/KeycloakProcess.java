package io.github.kclogingov.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code kc.sh start-dev} as a child process that shares this terminal. */
final class KeycloakProcess {
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;

    private KeycloakProcess(Process process) {
        this.process = process;
    }

    static KeycloakProcess startDev(KeycloakDistribution distribution, int httpPort, Map<String, String> environment)
            throws DemoException {
        ProcessBuilder builder = new ProcessBuilder(
                        distribution.script().toString(),
                        "start-dev",
                        "--http-port",
                        Integer.toString(httpPort),
                        // /metrics on the management port (9000), as a production image has it.
                        "--metrics-enabled=true",
                        "--import-realm")
                .directory(distribution.home().toFile())
                .inheritIO();
        // The JDK running the demo runs Keycloak too.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        try {
            return new KeycloakProcess(builder.start());
        } catch (IOException e) {
            throw new DemoException("Cannot start " + distribution.script() + ": " + e.getMessage(), e);
        }
    }

    /** Polls {@code url} until it answers 200; fails if Keycloak exits first or {@code timeout} passes. */
    void awaitReady(URI url, Duration timeout) throws DemoException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DemoException("Keycloak stopped during startup (exit code " + process.exitValue()
                        + "); its output above says why.");
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new DemoException(
                "Keycloak did not answer " + url + " within " + timeout.toSeconds() + " s; its output above says why.");
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM to kc.sh (which forwards it to Keycloak's JVM) and to every descendant, then waits;
     * whatever is still running after {@link #STOP_TIMEOUT} is killed. A Keycloak still starting
     * finishes its startup before it stops, hence the generous timeout.
     */
    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        CompletableFuture<?> all = CompletableFuture.allOf(
                process.onExit(),
                CompletableFuture.allOf(
                        descendants.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new)));
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
}
