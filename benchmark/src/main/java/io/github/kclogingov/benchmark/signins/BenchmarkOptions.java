package io.github.kclogingov.benchmark.signins;

import io.github.kclogingov.simulator.BackChannelDelays;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-in benchmark's command line. The defaults make issue 19's run: one first sign-in per
 * provider; 300 warm-up sign-ins per provider, alternating in chunks (the first heap figure); then,
 * once with each back-channel delay (0 ms, then 50 ms on the simulator's token, userinfo and JWKS
 * endpoints), 2 rounds per provider at concurrency 1, 4 and 16 of 100, 300 and 600 sign-ins,
 * alternating (4,000 per delay), the heap taken after each delay: 8,602 sign-ins in all (12 min 57 s
 * on the project's 2 shared cores, Keycloak's build and start included). With {@code --heap-at}, rounds at the highest (fastest)
 * concurrency and the last delay are added until each listed total, and the heap is taken at each.
 */
record BenchmarkOptions(
        Path keycloakHome,
        Path realmFile,
        int warmupPerProvider,
        int warmupConcurrency,
        List<Integer> perRound,
        int rounds,
        List<Integer> heapAt,
        List<Integer> concurrencies,
        List<Integer> backChannelDelays,
        int keycloakPort,
        int managementPort,
        int simulatorPort,
        String keycloakHeap,
        List<String> keycloakOptions) {

    static final String USAGE = String.join(
            "\n",
            "SignInBenchmark --keycloak-home DIR --realm-file FILE [options]",
            "  --back-channel-delay 0,50 the simulator's added round trip on its token, userinfo and JWKS",
            "                         endpoints, in ms (0 to 10000); every level's rounds run once per delay,",
            "                         in this order (default 0,50: issue 19's two conditions, with its targets)",
            "  --warmup N             warm-up sign-ins per provider, once, at the first delay (default 300)",
            "  --warmup-concurrency N concurrency of the warm-up (default 4)",
            "  --concurrency 1,4,16   the concurrency levels (default 1,4,16)",
            "  --per-round 100,300,600 sign-ins in one provider's round, per concurrency level (default 100,300,600)",
            "  --rounds N             rounds per provider at each concurrency and delay (default 2)",
            "  --heap-at 10000[,...]  totals of sign-ins at which Keycloak's heap is taken again (default none:",
            "                         after the warm-up and after each delay's rounds only); rounds at the",
            "                         highest concurrency and the last delay are added to reach them",
            "  The defaults make 8,602 sign-ins: about 13 minutes on 2 shared cores, Keycloak's build and start included.",
            "  --keycloak-port N      Keycloak's HTTP port (default 8580; management port N+1000)",
            "  --simulator-port N     the simulator's port (default 8581)",
            "  --keycloak-heap OPTS   Keycloak's heap options (default \"-Xms1g -Xmx1g\")",
            "  --keycloak-options OPTS more options for kc.sh start, comma-separated (e.g. cache sizes)");

    static BenchmarkOptions parse(String[] args) {
        Path home = null;
        Path realm = null;
        int warmup = 300;
        int warmupConcurrency = 4;
        List<Integer> perRound = List.of(100, 300, 600);
        int rounds = 2;
        List<Integer> heapAt = List.of();
        List<Integer> concurrencies = List.of(1, 4, 16);
        List<Integer> delays = List.of(0, Targets.ROUND_TRIP_MILLIS);
        int keycloakPort = 8580;
        int simulatorPort = 8581;
        String heap = "-Xms1g -Xmx1g";
        List<String> keycloakOptions = List.of();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--keycloak-home" -> home = Path.of(value);
                case "--realm-file" -> realm = Path.of(value);
                case "--warmup" -> warmup = positive(name, value, true);
                case "--warmup-concurrency" -> warmupConcurrency = positive(name, value, false);
                case "--per-round" -> perRound = levels(name, value);
                case "--heap-at" -> heapAt = levels(name, value);
                case "--rounds" -> rounds = positive(name, value, false);
                case "--concurrency" -> concurrencies = levels(name, value);
                case "--back-channel-delay" -> delays = delays(name, value);
                case "--keycloak-port" -> keycloakPort = positive(name, value, false);
                case "--simulator-port" -> simulatorPort = positive(name, value, false);
                case "--keycloak-heap" -> heap = value;
                case "--keycloak-options" ->
                    keycloakOptions = List.of(value.trim().split("[\\s,]+"));
                default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
        }
        if (perRound.size() != concurrencies.size()) {
            throw new IllegalArgumentException("--per-round needs one count per concurrency level " + concurrencies);
        }
        if (home == null || realm == null) {
            throw new IllegalArgumentException("--keycloak-home and --realm-file are required\n" + USAGE);
        }
        return new BenchmarkOptions(
                home,
                realm,
                warmup,
                warmupConcurrency,
                perRound,
                rounds,
                heapAt,
                concurrencies,
                delays,
                keycloakPort,
                keycloakPort + 1000,
                simulatorPort,
                heap,
                keycloakOptions);
    }

    /**
     * The sign-ins of the first sign-ins, the warm-up and the measured rounds at every delay, both
     * providers, before any added to reach {@link #heapAt}.
     */
    int plannedSignIns() {
        return 2
                * (1
                        + warmupPerProvider
                        + backChannelDelays.size()
                                * rounds
                                * perRound.stream().mapToInt(Integer::intValue).sum());
    }

    private static int positive(String name, String value, boolean zeroAllowed) {
        try {
            int number = Integer.parseInt(value);
            if (number < 0 || (number == 0 && !zeroAllowed)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a positive whole number, not " + value);
        }
    }

    /** Whole milliseconds from 0 to the simulator's longest back-channel delay, each once. */
    private static List<Integer> delays(String name, String value) {
        List<Integer> delays = new ArrayList<>();
        long max = BackChannelDelays.MAX.toMillis();
        for (String delay : value.split(",")) {
            int millis = positive(name, delay.trim(), true);
            if (millis > max || delays.contains(millis)) {
                throw new IllegalArgumentException(
                        name + " takes distinct whole milliseconds from 0 to " + max + ", not " + value);
            }
            delays.add(millis);
        }
        return List.copyOf(delays);
    }

    private static List<Integer> levels(String name, String value) {
        List<Integer> levels = new ArrayList<>();
        for (String level : value.split(",")) {
            levels.add(positive(name, level.trim(), false));
        }
        return List.copyOf(levels);
    }
}
