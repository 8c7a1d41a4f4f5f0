package io.github.kclogingov.benchmark.signins;

import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.SelfSignedKey;
import io.github.kclogingov.simulator.ServiceProvider;
import io.github.kclogingov.simulator.SimulatorConfig;
import io.github.kclogingov.simulator.ThrottleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sign-in benchmark (issue 12, item 5): starts the simulator (in this JVM, automatic mode, a new
 * person at every sign-in) and Keycloak with the built provider, then drives complete brokered
 * sign-ins over HTTP through the Login.gov provider and through Keycloak's stock {@code oidc}
 * provider in the same realm, alternating rounds, at each concurrency, and prints throughput,
 * latency percentiles, the simulator's JWKS and discovery fetches per 1,000 sign-ins, the
 * throughput ratio, and Keycloak's heap after the warm-up and at the end. Over 200 lines because
 * it holds the run's order (first sign-ins, warm-up, rounds, heap figures) and its printed report
 * in one place; starting the parts, one sign-in, a round and the figures' arithmetic live in
 * their own classes.
 */
public final class SignInBenchmark {
    /** Keeps the simulator quiet: it logs every authorization and token request at INFO. */
    /** Warm-up sign-ins per provider before the other provider's turn. */
    private static final int WARMUP_CHUNK = 100;

    private static final Logger SIMULATOR_LOG = Logger.getLogger("io.github.kclogingov.simulator");

    private final BenchmarkOptions options;
    private final LoginGovSimulator simulator;
    private final SignInClient client;
    private int signInsSoFar;

    private SignInBenchmark(BenchmarkOptions options, LoginGovSimulator simulator, SignInClient client) {
        this.options = options;
        this.simulator = simulator;
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SIMULATOR_LOG.setLevel(Level.WARNING);
        System.out.printf(
                "[bench] %d warm-up sign-ins per provider (concurrency %d), then %d round(s) per provider at concurrency %s"
                        + " of %s sign-ins, alternating (%d in all), then rounds at the highest concurrency up to %s%n",
                options.warmupPerProvider(),
                options.warmupConcurrency(),
                options.rounds(),
                options.concurrencies(),
                options.perRound(),
                options.plannedSignIns(),
                options.heapAt());
        String issuer = "http://localhost:" + options.simulatorPort() + "/";
        String keycloakUrl = "http://localhost:" + options.keycloakPort();
        SelfSignedKey loginGovKey = SelfSignedKey.generate("CN=benchmark realm, OU=Login.gov client assertion");
        SelfSignedKey realmKey = SelfSignedKey.generate("CN=benchmark realm, OU=realm signing key");
        SimulatorConfig config = SimulatorConfig.builder()
                .issuer(issuer)
                .serviceProvider(registration(Provider.LOGIN_GOV, keycloakUrl, loginGovKey))
                .serviceProvider(registration(Provider.STOCK_OIDC, keycloakUrl, realmKey))
                .mode(Mode.AUTOMATIC)
                // Every sign-in comes from this one machine: Login.gov's per-IP throttle would cap the run.
                .throttle(ThrottleSettings.off())
                .build();
        Path home = options.keycloakHome().toAbsolutePath().normalize();
        Path log = home.getParent().resolve("keycloak-benchmark.log");
        BenchRealm.stage(options.realmFile(), home, issuer, loginGovKey, realmKey);
        try (LoginGovSimulator simulator = LoginGovSimulator.start(config, options.simulatorPort())) {
            simulator.setNewPersonEverySignIn(true);
            System.out.println("[bench] simulator at " + issuer + "; starting Keycloak (log: " + log + ")");
            try (KeycloakServer keycloak = KeycloakServer.start(
                    home,
                    options.keycloakPort(),
                    options.managementPort(),
                    options.keycloakHeap(),
                    options.keycloakOptions(),
                    log)) {
                keycloak.awaitRealm(BenchRealm.NAME, Duration.ofMinutes(5));
                System.out.println("[bench] Keycloak ready at " + keycloakUrl);
                new SignInBenchmark(options, simulator, new SignInClient(keycloakUrl, BenchRealm.NAME)).run(keycloak);
            }
        }
    }

    private static ServiceProvider registration(Provider provider, String keycloakUrl, SelfSignedKey key) {
        String endpoint = keycloakUrl + "/realms/" + BenchRealm.NAME + "/broker/" + provider.alias + "/endpoint";
        return ServiceProvider.privateKeyJwt(
                provider.clientId,
                List.of(endpoint, endpoint + "/logout_response"),
                List.of(key.certificatePem()),
                Registration.VERIFIED);
    }

    private void run(KeycloakServer keycloak) throws Exception {
        // One sign-in each first: a configuration error shows at once, with its reason.
        Map<Provider, Round> first = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            Round smoke = measured(provider, 1, 1);
            if (smoke.failures() > 0) {
                throw new IllegalStateException(
                        "The first sign-in through " + provider.label() + " failed: " + smoke.failureReasons());
            }
            first.put(provider, smoke);
        }
        // The warm-up alternates too, in chunks, so that the JIT warms both brokers' paths alike.
        Map<Provider, List<Round>> warmup = emptyRounds();
        for (int done = 0; done < options.warmupPerProvider(); done += WARMUP_CHUNK) {
            int count = Math.min(WARMUP_CHUNK, options.warmupPerProvider() - done);
            for (Provider provider : Provider.values()) {
                warmup.get(provider).add(measured(provider, count, options.warmupConcurrency()));
            }
        }
        List<HeapFigure> heap = new ArrayList<>();
        int firstHeapAt = signInsSoFar;
        long firstHeap = keycloak.heapAfterGc();
        heap.add(new HeapFigure(firstHeapAt, firstHeap));
        System.out.printf(
                "[bench] warm-up done: %d sign-ins; Keycloak heap after GC %.1f MiB%n", firstHeapAt, mib(firstHeap));

        Map<Integer, Map<Provider, List<Round>>> rounds = new java.util.LinkedHashMap<>();
        for (int level = 0; level < options.concurrencies().size(); level++) {
            int concurrency = options.concurrencies().get(level);
            int perRound = options.perRound().get(level);
            Map<Provider, List<Round>> byProvider = new EnumMap<>(Provider.class);
            for (Provider provider : Provider.values()) {
                byProvider.put(provider, new ArrayList<>());
            }
            for (int r = 0; r < options.rounds(); r++) {
                // Alternate which provider goes first, so drift within a pair hits both alike.
                List<Provider> order = r % 2 == 0
                        ? List.of(Provider.LOGIN_GOV, Provider.STOCK_OIDC)
                        : List.of(Provider.STOCK_OIDC, Provider.LOGIN_GOV);
                for (Provider provider : order) {
                    byProvider.get(provider).add(announced(measured(provider, perRound, concurrency), r + 1));
                }
            }
            rounds.put(concurrency, byProvider);
        }
        // Up to the second heap figure: more alternating rounds at the highest (fastest) concurrency.
        int highest = options.concurrencies().get(options.concurrencies().size() - 1);
        int fillRound = options.perRound().get(options.perRound().size() - 1);
        Map<Provider, List<Round>> fill = emptyRounds();
        int r = 0;
        for (int target : options.heapAt()) {
            for (; signInsSoFar < target; r++) {
                List<Provider> order = r % 2 == 0
                        ? List.of(Provider.LOGIN_GOV, Provider.STOCK_OIDC)
                        : List.of(Provider.STOCK_OIDC, Provider.LOGIN_GOV);
                for (Provider provider : order) {
                    fill.get(provider).add(announced(measured(provider, fillRound, highest), r + 1));
                }
            }
            heap.add(new HeapFigure(signInsSoFar, keycloak.heapAfterGc()));
            System.out.printf(
                    "[bench] %d sign-ins; Keycloak heap after GC %.1f MiB%n",
                    signInsSoFar, mib(heap.get(heap.size() - 1).bytes()));
        }
        System.out.println(report(first, warmup, rounds, highest, fill, heap));
    }

    /** Keycloak's heap in use after a full GC, once this many sign-ins were done. */
    private record HeapFigure(int signIns, long bytes) {}

    private static Map<Provider, List<Round>> emptyRounds() {
        Map<Provider, List<Round>> rounds = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            rounds.put(provider, new ArrayList<>());
        }
        return rounds;
    }

    private static Round announced(Round round, int number) {
        System.out.printf(
                "[bench] concurrency %d, round %d, %s: %d sign-ins in %.1f s (%.2f/s), %d failed, %d JWKS and %d discovery fetches%s%n",
                round.concurrency(),
                number,
                round.provider().label(),
                round.succeeded(),
                round.wallNanos() / 1e9,
                round.signInsPerSecond(),
                round.failures(),
                round.jwksFetches(),
                round.discoveryFetches(),
                round.failureReasons().isEmpty() ? "" : " " + round.failureReasons());
        return round;
    }

    /** A round, with the simulator's JWKS and discovery fetches during it; the recorder is emptied after. */
    private Round measured(Provider provider, int count, int concurrency) throws InterruptedException {
        Instant before = simulator.now();
        Round round = Round.run(client, provider, count, concurrency);
        int jwks = simulator.recorder().jwksRequestsSince(before).size();
        int discovery = simulator.recorder().discoveryRequestsSince(before).size();
        // The recorder keeps every request; emptied between rounds so the driver's memory stays flat.
        simulator.recorder().clear();
        signInsSoFar += round.succeeded();
        if (round.succeeded() == 0) {
            throw new IllegalStateException(
                    "Every sign-in of a round through " + provider.label() + " failed: " + round.failureReasons());
        }
        return round.withFetches(jwks, discovery);
    }

    private String report(
            Map<Provider, Round> first,
            Map<Provider, List<Round>> warmup,
            Map<Integer, Map<Provider, List<Round>>> rounds,
            int highest,
            Map<Provider, List<Round>> fill,
            List<HeapFigure> heap) {
        StringBuilder text = new StringBuilder("\n==== Sign-in benchmark ====\n");
        text.append(Report.header());
        first.forEach(
                (provider, round) -> text.append(Report.line("first", provider, Report.Totals.of(List.of(round)))));
        warmup.forEach((provider, chunks) ->
                text.append(Report.line("warm-up " + options.warmupConcurrency(), provider, Report.Totals.of(chunks))));
        List<Round> allLoginGov = new ArrayList<>();
        List<Round> allStock = new ArrayList<>();
        rounds.forEach((concurrency, byProvider) -> {
            for (Provider provider : Provider.values()) {
                text.append(Report.line(
                        Integer.toString(concurrency), provider, Report.Totals.of(byProvider.get(provider))));
            }
            allLoginGov.addAll(byProvider.get(Provider.LOGIN_GOV));
            allStock.addAll(byProvider.get(Provider.STOCK_OIDC));
        });
        if (!fill.get(Provider.LOGIN_GOV).isEmpty()) {
            for (Provider provider : Provider.values()) {
                text.append(Report.line(highest + " (more)", provider, Report.Totals.of(fill.get(provider))));
            }
            allLoginGov.addAll(fill.get(Provider.LOGIN_GOV));
            allStock.addAll(fill.get(Provider.STOCK_OIDC));
        }
        text.append(Report.line("all (steady)", Provider.LOGIN_GOV, Report.Totals.of(allLoginGov)));
        text.append(Report.line("all (steady)", Provider.STOCK_OIDC, Report.Totals.of(allStock)));
        text.append('\n');
        rounds.forEach((concurrency, byProvider) -> text.append(Report.ratio(
                Integer.toString(concurrency),
                byProvider.get(Provider.LOGIN_GOV),
                byProvider.get(Provider.STOCK_OIDC))));
        if (!fill.get(Provider.LOGIN_GOV).isEmpty()) {
            text.append(Report.ratio(highest + " (more)", fill.get(Provider.LOGIN_GOV), fill.get(Provider.STOCK_OIDC)));
        }
        text.append(Report.ratio("all (steady)", allLoginGov, allStock));
        text.append('\n');
        HeapFigure previous = null;
        for (HeapFigure figure : heap) {
            text.append(String.format(
                    "Keycloak heap after GC after %5d sign-ins: %6.1f MiB", figure.signIns(), mib(figure.bytes())));
            if (previous != null) {
                text.append(String.format(
                        " (%+.1f MiB since %d, %+.2f MiB per 1,000 sign-ins)",
                        mib(figure.bytes() - previous.bytes()),
                        previous.signIns(),
                        mib(figure.bytes() - previous.bytes())
                                * 1000.0
                                / Math.max(1, figure.signIns() - previous.signIns())));
            }
            text.append('\n');
            previous = figure;
        }
        return text.toString();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
