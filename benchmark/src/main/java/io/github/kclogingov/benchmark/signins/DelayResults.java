package io.github.kclogingov.benchmark.signins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rounds measured with one back-channel delay (the simulator's token, userinfo and JWKS
 * endpoints each waiting {@code delayMillis} before answering).
 *
 * @param warmup the warm-up's chunks per provider, when the warm-up ran at this delay (else empty lists)
 * @param rounds per concurrency, in the order run, each provider's rounds in the order run
 */
record DelayResults(
        int delayMillis, Map<Provider, List<Round>> warmup, Map<Integer, Map<Provider, List<Round>>> rounds) {

    /** One provider's rounds at every concurrency: the steady state after the warm-up. */
    List<Round> steady(Provider provider) {
        List<Round> all = new ArrayList<>();
        rounds.values().forEach(byProvider -> all.addAll(byProvider.get(provider)));
        return all;
    }

    /** One provider's sign-ins at this delay: its warm-up, if here, and every round. */
    List<Round> warmupAndSteady(Provider provider) {
        List<Round> all = new ArrayList<>(warmup.get(provider));
        all.addAll(steady(provider));
        return all;
    }
}
