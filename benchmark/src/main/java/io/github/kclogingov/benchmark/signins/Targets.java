package io.github.kclogingov.benchmark.signins;

import java.util.List;
import java.util.Map;

/**
 * Issue 19's targets, each printed beside the figure measured and "met" or "missed". Printed, never
 * asserted: a benchmark on a shared machine gives figures, not a pass or a fail. Only the delays the
 * issue names (0 and 50 ms) have targets. Throughput is read on the median of the round pairs'
 * ratios, as the issue's own figures were.
 */
final class Targets {
    /** A real network's round trip from an agency's data centre to Login.gov. */
    static final int ROUND_TRIP_MILLIS = 50;

    static final double ROUND_TRIP_THROUGHPUT = 1.2;
    static final double ROUND_TRIP_P50_LOWER_MILLIS = 40;
    static final List<Integer> ROUND_TRIP_LEVELS = List.of(4, 16);
    static final int INSTANT_MILLIS = 0;
    static final double INSTANT_THROUGHPUT = 1.0;
    static final List<Integer> INSTANT_LEVELS = List.of(1, 4, 16);
    /** The token call only, after the first sign-in fetched the JWKS. */
    static final double CALLS_PER_SIGN_IN = 1.0;
    /** Figures are printed to 3 decimals; this much above the target still reads as it. */
    private static final double CALLS_TOLERANCE = 0.0005;

    private Targets() {}

    static boolean any(int delayMillis) {
        return delayMillis == ROUND_TRIP_MILLIS || delayMillis == INSTANT_MILLIS;
    }

    /** The block of targets for one delay; empty for a delay without any. */
    static String block(DelayResults results) {
        if (!any(results.delayMillis())) {
            return "";
        }
        StringBuilder text = new StringBuilder(
                String.format("targets (issue 19) at a back-channel delay of %d ms:%n", results.delayMillis()));
        if (results.delayMillis() == ROUND_TRIP_MILLIS) {
            for (int level : ROUND_TRIP_LEVELS) {
                text.append(throughput(results.rounds(), level, ROUND_TRIP_THROUGHPUT));
            }
            for (int level : ROUND_TRIP_LEVELS) {
                text.append(p50(results.rounds(), level));
            }
        } else {
            for (int level : INSTANT_LEVELS) {
                text.append(throughput(results.rounds(), level, INSTANT_THROUGHPUT));
            }
        }
        text.append(backChannel(results));
        return text.toString();
    }

    private static String throughput(Map<Integer, Map<Provider, List<Round>>> rounds, int level, double target) {
        String name = String.format("  throughput at concurrency %-2d >= %.1fx stock", level, target);
        Map<Provider, List<Round>> byProvider = rounds.get(level);
        if (byProvider == null) {
            return notMeasured(name, level);
        }
        double median = Report.medianPairRatio(byProvider.get(Provider.LOGIN_GOV), byProvider.get(Provider.STOCK_OIDC));
        return String.format(
                "%-52s measured %.3fx (median of round pairs; all rounds %.3fx): %s%n",
                name,
                median,
                Report.pooledRatio(byProvider.get(Provider.LOGIN_GOV), byProvider.get(Provider.STOCK_OIDC)),
                verdict(median >= target));
    }

    private static String p50(Map<Integer, Map<Provider, List<Round>>> rounds, int level) {
        String name = String.format(
                "  p50 at concurrency %-2d at least %.0f ms below stock", level, ROUND_TRIP_P50_LOWER_MILLIS);
        Map<Provider, List<Round>> byProvider = rounds.get(level);
        if (byProvider == null) {
            return notMeasured(name, level);
        }
        double provider = Report.Totals.of(byProvider.get(Provider.LOGIN_GOV)).percentileMillis(50);
        double stock = Report.Totals.of(byProvider.get(Provider.STOCK_OIDC)).percentileMillis(50);
        double lower = stock - provider;
        return String.format(
                "%-52s measured login.gov %.1f ms vs stock %.1f ms, %.1f ms %s: %s%n",
                name,
                provider,
                stock,
                Math.abs(lower),
                lower >= 0 ? "lower" : "higher",
                verdict(lower >= ROUND_TRIP_P50_LOWER_MILLIS));
    }

    private static String backChannel(DelayResults results) {
        Report.Totals provider = Report.Totals.of(results.warmupAndSteady(Provider.LOGIN_GOV));
        Report.Totals stock = Report.Totals.of(results.warmupAndSteady(Provider.STOCK_OIDC));
        return String.format(
                "%-52s measured %.3f (token %.3f, userinfo %.3f; stock %.3f) over %d sign-ins: %s%n",
                String.format("  back channel: login.gov %.1f calls per sign-in", CALLS_PER_SIGN_IN),
                provider.callsPerSignIn(),
                provider.perSignIn(provider.calls().token()),
                provider.perSignIn(provider.calls().userinfo()),
                stock.callsPerSignIn(),
                provider.signIns(),
                verdict(provider.callsPerSignIn() <= CALLS_PER_SIGN_IN + CALLS_TOLERANCE));
    }

    private static String notMeasured(String name, int level) {
        return String.format("%-52s not measured (concurrency %d was not in this run)%n", name, level);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "missed";
    }
}
