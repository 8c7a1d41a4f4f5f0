package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a few Prometheus queries answered at one moment, so that a test can say by exactly how
 * much each series moved since: every series that changed, none left out and none extra. A series
 * absent before (a counter not yet counted) counts from 0. Each query should group by the labels
 * the test names ({@code sum by (...)}), so that a change reads as {@code outcome=success,reason=none +1}.
 */
public final class MeterDeltas {

    /** How long the provider may take to count after the answer the test saw (a scrape a second, and the count itself). */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Prometheus prometheus;
    private final Map<String, Map<String, Double>> before = new LinkedHashMap<>();

    private MeterDeltas(Prometheus prometheus) {
        this.prometheus = prometheus;
    }

    /** The values of {@code queries} now: after a scrape that began after every earlier action. */
    public static MeterDeltas now(Prometheus prometheus, String... queries) {
        prometheus.awaitScrapeAfter(Instant.now());
        MeterDeltas deltas = new MeterDeltas(prometheus);
        for (String query : queries) {
            deltas.before.put(query, deltas.values(query));
        }
        return deltas;
    }

    /**
     * Asserts that the series of {@code query} moved by exactly {@code expected} (each
     * {@code label=value,... +n}, labels sorted), waiting a bounded time for the provider to count
     * and Prometheus to scrape.
     */
    public void assertMoved(String query, String... expected) {
        Set<String> wanted = new TreeSet<>(Set.of(expected));
        prometheus.awaitScrapeAfter(Instant.now());
        long end = System.nanoTime() + SETTLE.toNanos();
        Set<String> moved = changes(query);
        while (!moved.equals(wanted) && System.nanoTime() < end) {
            pause();
            moved = changes(query);
        }
        assertEquals(wanted, moved, "series of " + query + " that moved");
        System.out.printf("MeterDeltas: %s moved by %s%n", query, moved);
    }

    /** What {@code query}'s series moved by since this snapshot, as {@code label=value,... +n}. */
    public Set<String> changes(String query) {
        Map<String, Double> earlier = before.get(query);
        if (earlier == null) {
            throw new IllegalArgumentException("not in the snapshot: " + query);
        }
        Set<String> moved = new TreeSet<>();
        values(query).forEach((series, value) -> {
            double delta = value - earlier.getOrDefault(series, 0.0);
            if (delta != 0) {
                moved.add(series + " " + signed(delta));
            }
        });
        return moved;
    }

    private Map<String, Double> values(String query) {
        Map<String, Double> values = new TreeMap<>();
        for (Prometheus.Sample sample : prometheus.query(query)) {
            values.put(render(sample.labels()), sample.value());
        }
        return values;
    }

    /** Labels as {@code key=value,...}, sorted by key. */
    public static String render(Map<String, String> labels) {
        return new TreeMap<>(labels)
                .entrySet().stream()
                        .map(label -> label.getKey() + "=" + label.getValue())
                        .collect(Collectors.joining(","));
    }

    private static String signed(double delta) {
        return delta == Math.rint(delta) ? String.format("%+d", (long) delta) : String.format("%+f", delta);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
