package io.github.kclogingov.benchmark.signins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-in benchmark's command line. The defaults make the run: 500 warm-up sign-ins per
 * provider, alternating in chunks (1,000 in all, the first heap figure); then at concurrency 1, 4
 * and 16, 3 rounds per provider of 150, 450 and 900 sign-ins, alternating, which makes 10,000 in
 * all, the second heap figure. With {@code --heap-at} beyond that, rounds at the highest
 * (fastest) concurrency are added until each listed total, and the heap is taken at each.
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
        int keycloakPort,
        int managementPort,
        int simulatorPort,
        String keycloakHeap,
        List<String> keycloakOptions) {

    static final String USAGE = String.join(
            "\n",
            "SignInBenchmark --keycloak-home DIR --realm-file FILE [options]",
            "  --warmup N             warm-up sign-ins per provider (default 500)",
            "  --warmup-concurrency N concurrency of the warm-up (default 4)",
            "  --concurrency 1,4,16   the concurrency levels (default 1,4,16)",
            "  --per-round 150,450,900 sign-ins in one provider's round, per concurrency level (default 150,450,900)",
            "  --rounds N             rounds per provider at each concurrency (default 3)",
            "  --heap-at 10000[,...]  totals of sign-ins at which Keycloak's heap is taken again (default 10000);",
            "                         rounds at the highest concurrency are added to reach them",
            "  --keycloak-port N      Keycloak's HTTP port (default 8580; management port N+1000)",
            "  --simulator-port N     the simulator's port (default 8581)",
            "  --keycloak-heap OPTS   Keycloak's heap options (default \"-Xms1g -Xmx1g\")",
            "  --keycloak-options OPTS more options for kc.sh start, comma-separated (e.g. cache sizes)");

    static BenchmarkOptions parse(String[] args) {
        Path home = null;
        Path realm = null;
        int warmup = 500;
        int warmupConcurrency = 4;
        List<Integer> perRound = List.of(150, 450, 900);
        int rounds = 3;
        List<Integer> heapAt = List.of(10_000);
        List<Integer> concurrencies = List.of(1, 4, 16);
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
                keycloakPort,
                keycloakPort + 1000,
                simulatorPort,
                heap,
                keycloakOptions);
    }

    /** The sign-ins of the warm-up and the measured rounds, both providers, before any added to reach {@link #heapAt}. */
    int plannedSignIns() {
        return 2
                * (warmupPerProvider
                        + rounds * perRound.stream().mapToInt(Integer::intValue).sum());
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

    private static List<Integer> levels(String name, String value) {
        List<Integer> levels = new ArrayList<>();
        for (String level : value.split(",")) {
            levels.add(positive(name, level.trim(), false));
        }
        return List.copyOf(levels);
    }
}
