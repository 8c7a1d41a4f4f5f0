package io.github.kclogingov.benchmark.signins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report printed at the end of a run: the first sign-ins, then per back-channel delay its table,
 * the comparisons with the stock broker and issue 19's targets, then Keycloak's heap figures.
 */
final class PrintedReport {
    private final BenchmarkOptions options;
    private final Map<Provider, Round> first;
    private final List<DelayResults> results;
    private final int highest;
    private final int lastDelay;
    private final Map<Provider, List<Round>> fill;
    private final List<SignInBenchmark.HeapFigure> heap;

    PrintedReport(
            BenchmarkOptions options,
            Map<Provider, Round> first,
            List<DelayResults> results,
            int highest,
            int lastDelay,
            Map<Provider, List<Round>> fill,
            List<SignInBenchmark.HeapFigure> heap) {
        this.options = options;
        this.first = first;
        this.results = results;
        this.highest = highest;
        this.lastDelay = lastDelay;
        this.fill = fill;
        this.heap = heap;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\n==== Sign-in benchmark ====\n");
        text.append("(si: per successful sign-in; calls/si: token + userinfo + JWKS + discovery)\n");
        text.append(Report.header());
        first.forEach(
                (provider, round) -> text.append(Report.line("first", provider, Report.Totals.of(List.of(round)))));
        for (DelayResults delay : results) {
            text.append(String.format(
                    "%n---- back-channel delay %d ms (token, userinfo, JWKS) ----%n", delay.delayMillis()));
            text.append(Report.header());
            appendDelay(text, delay);
        }
        if (!fill.get(Provider.LOGIN_GOV).isEmpty()) {
            text.append(String.format("%n---- more rounds at concurrency %d, delay %d ms ----%n", highest, lastDelay));
            text.append(Report.header());
            for (Provider provider : Provider.values()) {
                text.append(Report.line(highest + " (more)", provider, Report.Totals.of(fill.get(provider))));
            }
            text.append(Report.ratio(highest + " (more)", fill.get(Provider.LOGIN_GOV), fill.get(Provider.STOCK_OIDC)));
            text.append(Report.p50(highest + " (more)", fill.get(Provider.LOGIN_GOV), fill.get(Provider.STOCK_OIDC)));
        }
        text.append('\n');
        appendAllDelays(text);
        appendHeap(text);
        return text.toString();
    }

    private void appendDelay(StringBuilder text, DelayResults delay) {
        if (!delay.warmup().get(Provider.LOGIN_GOV).isEmpty()) {
            delay.warmup()
                    .forEach((provider, chunks) -> text.append(
                            Report.line("warm-up " + options.warmupConcurrency(), provider, Report.Totals.of(chunks))));
        }
        delay.rounds().forEach((concurrency, byProvider) -> {
            for (Provider provider : Provider.values()) {
                text.append(Report.line(
                        Integer.toString(concurrency), provider, Report.Totals.of(byProvider.get(provider))));
            }
        });
        for (Provider provider : Provider.values()) {
            text.append(Report.line("all (steady)", provider, Report.Totals.of(delay.steady(provider))));
        }
        text.append('\n');
        delay.rounds()
                .forEach((concurrency, byProvider) -> text.append(Report.ratio(
                        Integer.toString(concurrency),
                        byProvider.get(Provider.LOGIN_GOV),
                        byProvider.get(Provider.STOCK_OIDC))));
        text.append(Report.ratio("all (steady)", delay.steady(Provider.LOGIN_GOV), delay.steady(Provider.STOCK_OIDC)));
        delay.rounds()
                .forEach((concurrency, byProvider) -> text.append(Report.p50(
                        Integer.toString(concurrency),
                        byProvider.get(Provider.LOGIN_GOV),
                        byProvider.get(Provider.STOCK_OIDC))));
        DelayResults instant = results.stream()
                .filter(other -> other.delayMillis() == 0)
                .findFirst()
                .orElse(null);
        if (instant != null && delay != instant) {
            delay.rounds().forEach((concurrency, byProvider) -> {
                if (instant.rounds().containsKey(concurrency)) {
                    text.append(Report.p50Rise(
                            Integer.toString(concurrency),
                            delay.delayMillis(),
                            byProvider,
                            instant.rounds().get(concurrency)));
                }
            });
        }
        for (Provider provider : Provider.values()) {
            text.append(Report.calls(
                    "at " + delay.delayMillis() + " ms, after the first", provider, delay.warmupAndSteady(provider)));
        }
        String targets = Targets.block(delay);
        if (!targets.isEmpty()) {
            text.append('\n').append(targets);
        }
    }

    /** Back-channel calls per sign-in over the whole run after the first sign-ins, every delay together. */
    private void appendAllDelays(StringBuilder text) {
        for (Provider provider : Provider.values()) {
            List<Round> all = new ArrayList<>();
            results.forEach(delay -> all.addAll(delay.warmupAndSteady(provider)));
            all.addAll(fill.get(provider));
            text.append(Report.calls("whole run, after the first", provider, all));
        }
        text.append('\n');
    }

    private void appendHeap(StringBuilder text) {
        SignInBenchmark.HeapFigure previous = null;
        for (SignInBenchmark.HeapFigure figure : heap) {
            text.append(String.format(
                    "Keycloak heap after GC after %5d sign-ins (%s): %6.1f MiB",
                    figure.signIns(), figure.when(), SignInBenchmark.mib(figure.bytes())));
            if (previous != null) {
                text.append(String.format(
                        " (%+.1f MiB since %d, %+.2f MiB per 1,000 sign-ins)",
                        SignInBenchmark.mib(figure.bytes() - previous.bytes()),
                        previous.signIns(),
                        SignInBenchmark.mib(figure.bytes() - previous.bytes())
                                * 1000.0
                                / Math.max(1, figure.signIns() - previous.signIns())));
            }
            text.append('\n');
            previous = figure;
        }
    }
}
