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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sign-in benchmark (issues 12 and 19): starts the simulator (in this JVM, automatic mode, a new
 * person at every sign-in) and Keycloak with the built provider, then drives complete brokered
 * sign-ins over HTTP through the Login.gov provider and through Keycloak's stock {@code oidc}
 * provider in the same realm, alternating rounds, at each concurrency, once per back-channel delay
 * (the round trip the simulator adds to its token, userinfo and JWKS answers, as a real network to
 * Login.gov does), and prints throughput, latency percentiles, the back-channel calls per sign-in,
 * the comparisons with the stock broker, issue 19's targets, and Keycloak's heap. Over 200 lines
 * because it holds the run's order (first sign-ins, warm-up, rounds per delay, heap figures) in one
 * place; starting the parts, one sign-in, a round, the printed report and the figures' arithmetic
 * live in their own classes.
 */
public final class SignInBenchmark {
    /** Warm-up sign-ins per provider before the other provider's turn. */
    private static final int WARMUP_CHUNK = 100;

    /** Keeps the simulator quiet: it logs every authorization and token request at INFO. */
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
                "[bench] %d warm-up sign-ins per provider (concurrency %d), then at each back-channel delay %s ms"
                        + " %d round(s) per provider at concurrency %s of %s sign-ins, alternating (%d in all)%s%n",
                options.warmupPerProvider(),
                options.warmupConcurrency(),
                options.backChannelDelays(),
                options.rounds(),
                options.concurrencies(),
                options.perRound(),
                options.plannedSignIns(),
                options.heapAt().isEmpty() ? "" : ", then rounds at the highest concurrency up to " + options.heapAt());
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
        List<Integer> delays = options.backChannelDelays();
        roundTrip(delays.get(0));
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
        heap.add(heapFigure(keycloak, "after the warm-up"));

        List<DelayResults> results = new ArrayList<>();
        for (int delay : delays) {
            if (delay != delays.get(0)) {
                roundTrip(delay);
            }
            Map<Integer, Map<Provider, List<Round>>> rounds = new LinkedHashMap<>();
            for (int level = 0; level < options.concurrencies().size(); level++) {
                int concurrency = options.concurrencies().get(level);
                rounds.put(concurrency, alternating(options.perRound().get(level), concurrency, delay));
            }
            results.add(new DelayResults(delay, results.isEmpty() ? warmup : emptyRounds(), rounds));
            heap.add(heapFigure(keycloak, "after the rounds at " + delay + " ms"));
        }
        // Up to each further heap figure: more alternating rounds at the highest (fastest) concurrency.
        int highest = options.concurrencies().get(options.concurrencies().size() - 1);
        int fillRound = options.perRound().get(options.perRound().size() - 1);
        int lastDelay = delays.get(delays.size() - 1);
        Map<Provider, List<Round>> fill = emptyRounds();
        int r = 0;
        for (int target : options.heapAt()) {
            for (; signInsSoFar < target; r++) {
                for (Provider provider : order(r)) {
                    fill.get(provider).add(announced(measured(provider, fillRound, highest), r + 1, lastDelay));
                }
            }
            heap.add(heapFigure(keycloak, "more rounds at concurrency " + highest));
        }
        System.out.println(new PrintedReport(options, first, results, highest, lastDelay, fill, heap));
    }

    /** The simulator's token, userinfo and JWKS endpoints wait this long before each answer from now on. */
    private void roundTrip(int delayMillis) {
        simulator.backChannelDelays().setRoundTrip(Duration.ofMillis(delayMillis));
        System.out.printf(
                "[bench] back-channel delay %d ms on the simulator's token, userinfo and JWKS endpoints%n",
                delayMillis);
    }

    /** The rounds of one concurrency level, the providers alternating, which goes first alternating too. */
    private Map<Provider, List<Round>> alternating(int perRound, int concurrency, int delay)
            throws InterruptedException {
        Map<Provider, List<Round>> byProvider = emptyRounds();
        for (int r = 0; r < options.rounds(); r++) {
            for (Provider provider : order(r)) {
                byProvider.get(provider).add(announced(measured(provider, perRound, concurrency), r + 1, delay));
            }
        }
        return byProvider;
    }

    /** Which provider goes first in round pair {@code r}: alternating, so drift within a pair hits both alike. */
    private static List<Provider> order(int r) {
        return r % 2 == 0
                ? List.of(Provider.LOGIN_GOV, Provider.STOCK_OIDC)
                : List.of(Provider.STOCK_OIDC, Provider.LOGIN_GOV);
    }

    private HeapFigure heapFigure(KeycloakServer keycloak, String when) throws Exception {
        HeapFigure figure = new HeapFigure(signInsSoFar, keycloak.heapAfterGc(), when);
        System.out.printf(
                "[bench] %s: %d sign-ins; Keycloak heap after GC %.1f MiB%n",
                when, figure.signIns(), mib(figure.bytes()));
        return figure;
    }

    /** Keycloak's heap in use after a full GC, once this many sign-ins were done. */
    record HeapFigure(int signIns, long bytes, String when) {}

    static Map<Provider, List<Round>> emptyRounds() {
        Map<Provider, List<Round>> rounds = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            rounds.put(provider, new ArrayList<>());
        }
        return rounds;
    }

    private static Round announced(Round round, int number, int delay) {
        System.out.printf(
                "[bench] delay %d ms, concurrency %d, round %d, %s: %d sign-ins in %.1f s (%.2f/s), %d failed,"
                        + " back-channel calls: %d token, %d userinfo, %d JWKS, %d discovery%s%n",
                delay,
                round.concurrency(),
                number,
                round.provider().label(),
                round.succeeded(),
                round.wallNanos() / 1e9,
                round.signInsPerSecond(),
                round.failures(),
                round.calls().token(),
                round.calls().userinfo(),
                round.calls().jwks(),
                round.calls().discovery(),
                round.failureReasons().isEmpty() ? "" : " " + round.failureReasons());
        return round;
    }

    /** A round, with the simulator's back-channel calls during it; the recorder is emptied after. */
    private Round measured(Provider provider, int count, int concurrency) throws InterruptedException {
        Instant before = simulator.now();
        Round round = Round.run(client, provider, count, concurrency);
        BackChannelCalls calls = BackChannelCalls.since(simulator.recorder(), before);
        // The recorder keeps every request; emptied between rounds so the driver's memory stays flat.
        simulator.recorder().clear();
        signInsSoFar += round.succeeded();
        if (round.succeeded() == 0) {
            throw new IllegalStateException(
                    "Every sign-in of a round through " + provider.label() + " failed: " + round.failureReasons());
        }
        return round.withCalls(calls);
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
