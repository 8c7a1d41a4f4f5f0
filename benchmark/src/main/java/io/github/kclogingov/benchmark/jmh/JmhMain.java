package io.github.kclogingov.benchmark.jmh;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ProviderWorkBenchmark} (3 warm-up and 5 measured iterations of one second, one fork,
 * unless JMH options are given) and prints the provider's pieces, their total, the cryptographic
 * floor and the ratio of the two.
 */
public final class JmhMain {
    /** The target: the provider's own work at most this multiple of the floor. */
    static final double TARGET_RATIO = 1.1;

    private static final List<String> PROVIDER_PIECES = List.of(
            "authorizationRequest",
            "clientAssertion",
            "idTokenValidation",
            "answerChecks",
            "assuranceCheck",
            "claimMapping",
            "signInMeters");
    private static final List<String> FLOOR_PIECES = List.of("floorSign", "floorVerify");

    /** Measured, printed, in no total: the work of a setting that is off by default. */
    private static final List<String> INFORMATIVE_PIECES = List.of("userinfoAnswer");

    private JmhMain() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = args.length == 0
                ? new OptionsBuilder()
                        .include(ProviderWorkBenchmark.class.getName())
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(1))
                        .forks(1)
                        .timeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
                        .build()
                : new OptionsBuilder()
                        .parent(new CommandLineOptions(args))
                        .include(ProviderWorkBenchmark.class.getName())
                        .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println(summary(results));
        if (results.size() != PROVIDER_PIECES.size() + FLOOR_PIECES.size() + INFORMATIVE_PIECES.size()) {
            System.err.println("Some benchmarks did not run (their errors are above): no figures to compare.");
            System.exit(1);
        }
    }

    static String summary(Collection<RunResult> results) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String label = result.getPrimaryResult().getLabel();
            var statistics = result.getPrimaryResult().getStatistics();
            scores.put(
                    label,
                    new double[] {statistics.getPercentile(50), statistics.getPercentile(90), statistics.getMean()});
        }
        StringBuilder text = new StringBuilder("\nThe provider's own per-sign-in work beside the cryptographic floor"
                + " (sampled time, microseconds per sign-in: median, 90th percentile, mean;\n"
                + " the totals and the ratio use the medians)\n\n");
        double provider = section(text, "provider", PROVIDER_PIECES, scores);
        double floor = section(text, "floor", FLOOR_PIECES, scores);
        double ratio = provider / floor;
        for (String piece : INFORMATIVE_PIECES) {
            double[] score = scores.get(piece);
            if (score != null) {
                text.append(String.format(
                        "  %-8s %-22s %10.2f %10.2f %10.2f  (in no total: only with 'Always call userinfo')%n",
                        "extra", piece, score[0], score[1], score[2]));
            }
        }
        text.append(String.format(
                "%nprovider total / floor = %.3f (target: at most %.1f) -> %s%n",
                ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "missed"));
        text.append(String.format(
                "the provider's work beyond its own two cryptographic operations: %.1f us per sign-in%n",
                provider - floor));
        return text.toString();
    }

    private static double section(StringBuilder text, String name, List<String> pieces, Map<String, double[]> scores) {
        double total = 0;
        for (String piece : pieces) {
            double[] score = scores.get(piece);
            if (score == null) {
                text.append(String.format("  %-8s %-22s (not run)%n", name, piece));
                continue;
            }
            total += score[0];
            text.append(
                    String.format("  %-8s %-22s %10.2f %10.2f %10.2f%n", name, piece, score[0], score[1], score[2]));
        }
        text.append(String.format("  %-8s %-22s %10.2f%n", name, "TOTAL", total));
        return total;
    }
}
