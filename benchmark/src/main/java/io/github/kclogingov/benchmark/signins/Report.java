package io.github.kclogingov.benchmark.signins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The figures of the rounds, as lines of the printed report: per concurrency and provider, then the comparisons. */
final class Report {

    private Report() {}

    /** Several rounds of one provider at one concurrency, added up. */
    record Totals(int signIns, double seconds, List<Long> latencies, int failures, BackChannelCalls calls) {
        static Totals of(List<Round> rounds) {
            int signIns = 0;
            long wall = 0;
            int failures = 0;
            BackChannelCalls calls = BackChannelCalls.NONE;
            List<Long> latencies = new ArrayList<>();
            for (Round round : rounds) {
                signIns += round.succeeded();
                wall += round.wallNanos();
                failures += round.failures();
                calls = calls.plus(round.calls());
                latencies.addAll(round.latenciesNanos());
            }
            Collections.sort(latencies);
            return new Totals(signIns, wall / 1e9, latencies, failures, calls);
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

        /** Calls per successful sign-in: a failed sign-in's calls count, its sign-in does not. */
        double perSignIn(int count) {
            return signIns == 0 ? Double.NaN : (double) count / signIns;
        }

        /** Token, userinfo, JWKS and discovery calls together, per successful sign-in. */
        double callsPerSignIn() {
            return perSignIn(calls.total());
        }
    }

    static String header() {
        return String.format(
                "%-13s %-10s %8s %9s %9s %9s %9s %6s %9s %10s %8s %9s %8s%n",
                "concurrency",
                "provider",
                "sign-ins",
                "per sec",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "failed",
                "JWKS/1000",
                "disc./1000",
                "token/si",
                "userinfo/si",
                "calls/si");
    }

    static String line(String concurrency, Provider provider, Totals totals) {
        return String.format(
                "%-13s %-10s %8d %9.2f %9.1f %9.1f %9.1f %6d %9.2f %10.2f %8.3f %11.3f %8.3f%n",
                concurrency,
                provider.label(),
                totals.signIns(),
                totals.perSecond(),
                totals.percentileMillis(50),
                totals.percentileMillis(95),
                totals.percentileMillis(99),
                totals.failures(),
                totals.perThousand(totals.calls().jwks()),
                totals.perThousand(totals.calls().discovery()),
                totals.perSignIn(totals.calls().token()),
                totals.perSignIn(totals.calls().userinfo()),
                totals.callsPerSignIn());
    }

    /** Throughput, Login.gov provider over stock broker, over all the rounds together. */
    static double pooledRatio(List<Round> loginGov, List<Round> stock) {
        return Totals.of(loginGov).perSecond() / Totals.of(stock).perSecond();
    }

    /** The throughput ratio of each pair of neighbouring rounds (round i of each provider). */
    static List<Double> pairRatios(List<Round> loginGov, List<Round> stock) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(loginGov.size(), stock.size()); i++) {
            ratios.add(loginGov.get(i).signInsPerSecond() / stock.get(i).signInsPerSecond());
        }
        Collections.sort(ratios);
        return ratios;
    }

    /** The median of the round pairs' ratios: what the targets are read on. */
    static double medianPairRatio(List<Round> loginGov, List<Round> stock) {
        List<Double> ratios = pairRatios(loginGov, stock);
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        int middle = ratios.size() / 2;
        return ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
    }

    /** The throughput ratio: median and range over the round pairs, and over all rounds together. */
    static String ratio(String concurrency, List<Round> loginGov, List<Round> stock) {
        List<Double> pairs = pairRatios(loginGov, stock);
        return String.format(
                "concurrency %-13s login.gov / stock throughput: median of %d round pair(s) %.3f (%.3f to %.3f),"
                        + " all rounds together %.3f%n",
                concurrency,
                pairs.size(),
                medianPairRatio(loginGov, stock),
                pairs.isEmpty() ? Double.NaN : pairs.get(0),
                pairs.isEmpty() ? Double.NaN : pairs.get(pairs.size() - 1),
                pooledRatio(loginGov, stock));
    }

    /** The p50 latency of each provider over all its rounds, and login.gov's minus stock's. */
    static String p50(String concurrency, List<Round> loginGov, List<Round> stock) {
        double provider = Totals.of(loginGov).percentileMillis(50);
        double stockP50 = Totals.of(stock).percentileMillis(50);
        return String.format(
                "concurrency %-13s p50 login.gov %.1f ms vs stock %.1f ms: difference %+.1f ms%n",
                concurrency, provider, stockP50, provider - stockP50);
    }

    /**
     * How much a provider's p50 rose from the run without delay to this one, beside its calls per
     * sign-in: each call should add about the delay.
     */
    static String p50Rise(
            String concurrency, int delayMillis, Map<Provider, List<Round>> now, Map<Provider, List<Round>> base) {
        StringBuilder text = new StringBuilder(String.format("concurrency %-13s p50 rise from 0 ms:", concurrency));
        for (Provider provider : Provider.values()) {
            Totals at = Totals.of(now.get(provider));
            text.append(String.format(
                    " %s %+.1f ms (%.3f calls/si)",
                    provider.label(),
                    at.percentileMillis(50) - Totals.of(base.get(provider)).percentileMillis(50),
                    at.callsPerSignIn()));
            text.append(provider == Provider.LOGIN_GOV ? "," : "");
        }
        return text.append(String.format("; each call waits %d ms%n", delayMillis))
                .toString();
    }

    /** Back-channel calls per successful sign-in, all of them and split per endpoint. */
    static String calls(String label, Provider provider, List<Round> rounds) {
        Totals totals = Totals.of(rounds);
        return String.format(
                "%-26s %-10s back-channel calls per sign-in %.3f (token %.3f, userinfo %.3f, JWKS %.4f,"
                        + " discovery %.4f) over %d sign-ins%n",
                label,
                provider.label(),
                totals.callsPerSignIn(),
                totals.perSignIn(totals.calls().token()),
                totals.perSignIn(totals.calls().userinfo()),
                totals.perSignIn(totals.calls().jwks()),
                totals.perSignIn(totals.calls().discovery()),
                totals.signIns());
    }
}
