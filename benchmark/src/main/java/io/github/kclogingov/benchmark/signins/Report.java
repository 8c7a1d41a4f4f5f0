package io.github.kclogingov.benchmark.signins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The figures the issue asks for, from the rounds: per concurrency and provider, then the ratio. */
final class Report {
    /** The target for the Login.gov provider's throughput over the stock broker's. */
    static final double TARGET_RATIO = 0.95;

    private Report() {}

    /** Several rounds of one provider at one concurrency, added up. */
    record Totals(int signIns, double seconds, List<Long> latencies, int failures, int jwks, int discovery) {
        static Totals of(List<Round> rounds) {
            int signIns = 0;
            long wall = 0;
            int failures = 0;
            int jwks = 0;
            int discovery = 0;
            List<Long> latencies = new ArrayList<>();
            for (Round round : rounds) {
                signIns += round.succeeded();
                wall += round.wallNanos();
                failures += round.failures();
                jwks += round.jwksFetches();
                discovery += round.discoveryFetches();
                latencies.addAll(round.latenciesNanos());
            }
            Collections.sort(latencies);
            return new Totals(signIns, wall / 1e9, latencies, failures, jwks, discovery);
        }

        double perSecond() {
            return signIns / seconds;
        }

        double percentileMillis(double percentile) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1;
            return latencies.get(Math.max(0, Math.min(index, latencies.size() - 1))) / 1e6;
        }

        double perThousand(int count) {
            return signIns == 0 ? Double.NaN : count * 1000.0 / signIns;
        }
    }

    static String header() {
        return String.format(
                "%-11s %-10s %8s %9s %9s %9s %9s %8s %13s %13s%n",
                "concurrency",
                "provider",
                "sign-ins",
                "per sec",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "failed",
                "JWKS/1000",
                "discovery/1000");
    }

    static String line(String concurrency, Provider provider, Totals totals) {
        return String.format(
                "%-11s %-10s %8d %9.2f %9.1f %9.1f %9.1f %8d %13.2f %13.2f%n",
                concurrency,
                provider.label(),
                totals.signIns(),
                totals.perSecond(),
                totals.percentileMillis(50),
                totals.percentileMillis(95),
                totals.percentileMillis(99),
                totals.failures(),
                totals.perThousand(totals.jwks()),
                totals.perThousand(totals.discovery()));
    }

    /** The throughput ratio over all rounds, and its range over the pairs of neighbouring rounds. */
    static String ratio(String concurrency, List<Round> loginGov, List<Round> stock) {
        double overall = Totals.of(loginGov).perSecond() / Totals.of(stock).perSecond();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < Math.min(loginGov.size(), stock.size()); i++) {
            double pair = loginGov.get(i).signInsPerSecond() / stock.get(i).signInsPerSecond();
            min = Math.min(min, pair);
            max = Math.max(max, pair);
        }
        return String.format(
                "concurrency %-12s login.gov / stock throughput = %.3f (round pairs %.3f to %.3f; target at least %.2f: %s)%n",
                concurrency, overall, min, max, TARGET_RATIO, overall >= TARGET_RATIO ? "met" : "missed");
    }
}
