package io.github.kclogingov.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's {@code /usr/bin/prometheus}) scraping the suite's Keycloak, started
 * as a child process with a configuration of its own in a temporary directory: one scrape job
 * {@value #JOB} for Keycloak's {@code /metrics} every second, the shipped alert rules loaded and
 * evaluated every second, its database in the same directory, its API on a free port of
 * 127.0.0.1 (never 9090, where a packaged Prometheus may already listen). Queries go through its
 * HTTP API as a dashboard's or an alert's would. {@link #close} stops it and removes the directory.
 * Over 250 lines because the process, its configuration and its API belong together: a test
 * holds one object that it starts, queries and always stops.
 */
public final class Prometheus implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    /** The scrape job, the {@code job} label of every series scraped from Keycloak. */
    public static final String JOB = "keycloak";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path directory;
    private final String api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One series of an instant query's answer: its labels (the name under {@code __name__}) and value. */
    public record Sample(Map<String, String> labels, double value) {}

    private Prometheus(Process process, Path directory, String api) {
        this.process = process;
        this.directory = directory;
        this.api = api;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts Prometheus scraping {@code metricsUrl} (Keycloak's management {@code /metrics}) with
     * the rules of {@code rulesFile}; returns once the target has been scraped and is up.
     */
    public static Prometheus start(String metricsUrl, Path rulesFile) {
        URI metrics = URI.create(metricsUrl);
        int port = FreePorts.next();
        try {
            Path directory = Files.createTempDirectory("prometheus-");
            Path config = directory.resolve("prometheus.yml");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "global:",
                            "  scrape_interval: 1s",
                            "  scrape_timeout: 1s",
                            "  evaluation_interval: 1s",
                            "rule_files:",
                            "  - '" + rulesFile.toAbsolutePath().normalize() + "'",
                            "scrape_configs:",
                            "  - job_name: " + JOB,
                            "    metrics_path: '" + metrics.getRawPath() + "'",
                            "    scheme: " + metrics.getScheme(),
                            "    static_configs:",
                            "      - targets: ['" + metrics.getAuthority() + "']",
                            ""));
            Process process = new ProcessBuilder(
                            BINARY.toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + directory.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port,
                            "--log.level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("prometheus.log").toFile())
                    .start();
            Prometheus prometheus = new Prometheus(process, directory, "http://127.0.0.1:" + port + "/api/v1/");
            try {
                prometheus.awaitTargetUp();
            } catch (RuntimeException | AssertionError e) {
                prometheus.close();
                throw e;
            }
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
    }

    private void awaitTargetUp() {
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("Prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                JsonNode targets = get("targets?state=active").path("activeTargets");
                last = targets.toString();
                if (targets.size() == 1
                        && "up".equals(targets.get(0).path("health").asText())) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                last = notYetListening.getMessage();
            }
            pause();
        }
        throw new AssertionError(
                "Prometheus's target never came up within " + START_TIMEOUT + ": " + last + "\n" + log());
    }

    /**
     * Waits until a scrape that began after {@code instant} is stored: the {@code up} sample of a
     * scrape carries the scrape's start time and is committed together with the scraped samples.
     */
    public void awaitScrapeAfter(Instant instant) {
        long end = System.nanoTime() + SCRAPE_TIMEOUT.toNanos();
        String query = "timestamp(up{job=\"" + JOB + "\"})";
        while (System.nanoTime() < end) {
            List<Sample> up = query(query);
            if (!up.isEmpty() && up.get(0).value() * 1000 > instant.toEpochMilli()) {
                return;
            }
            pause();
        }
        throw new AssertionError("no scrape after " + instant + " within " + SCRAPE_TIMEOUT + "\n" + log());
    }

    /** An instant query at the present time; its vector (a scalar answer as one sample without labels). */
    public List<Sample> query(String promql) {
        JsonNode data = get("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        List<Sample> samples = new ArrayList<>();
        switch (data.path("resultType").asText()) {
            case "vector" -> data.path("result").forEach(series -> samples.add(sample(series)));
            case "scalar" ->
                samples.add(new Sample(Map.of(), number(data.path("result").get(1))));
            default -> throw new AssertionError("unexpected answer to " + promql + ": " + data);
        }
        return samples;
    }

    /** The sum of the values {@code promql} answers, 0 when it answers no series (a counter not yet counted). */
    public double sum(String promql) {
        return query(promql).stream().mapToDouble(Sample::value).sum();
    }

    /** The values of the label {@code label} on series that match {@code selector}, as Grafana's label_values asks. */
    public List<String> labelValues(String label, String selector) {
        JsonNode values =
                get("label/" + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        List<String> answer = new ArrayList<>();
        values.forEach(value -> answer.add(value.asText()));
        return answer;
    }

    /** The loaded rule groups as {@code /api/v1/rules} lists them, with each rule's health and state. */
    public JsonNode ruleGroups() {
        return get("rules").path("groups");
    }

    /** Alerts now pending or firing ({@code /api/v1/alerts}). */
    public JsonNode alerts() {
        return get("alerts").path("alerts");
    }

    private static Sample sample(JsonNode series) {
        Map<String, String> labels = new LinkedHashMap<>();
        series.path("metric")
                .fields()
                .forEachRemaining(
                        label -> labels.put(label.getKey(), label.getValue().asText()));
        return new Sample(labels, number(series.path("value").get(1)));
    }

    /** Prometheus writes sample values as strings: a decimal, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    private static double number(JsonNode value) {
        return switch (value.asText()) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value.asText());
        };
    }

    /** The {@code data} of an API answer; an error answer (a bad query among them) fails the test with its text. */
    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200
                    || !"success".equals(body.path("status").asText())) {
                throw new AssertionError(
                        "Prometheus answered HTTP " + response.statusCode() + " to " + path + ": " + response.body());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus at " + api + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What Prometheus wrote, for a failure message. */
    public String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }
}
