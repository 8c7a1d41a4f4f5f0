package io.github.kclogingov.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak build options a production image of this extension is built with
 * ({@code docs/operations/image/Containerfile}, its {@code ENV KC_...} lines): the suite's Keycloak
 * runs with exactly these, so that what the suite proves (the meters on {@code /metrics}, the health
 * endpoints) holds for that image. The Containerfile's test compares the two.
 */
public final class ProductionBuildOptions {

    /** Option name as {@code kc.sh} takes it, without {@code --}, and its value. */
    public static final Map<String, String> OPTIONS = Map.of(
            // The management port's /metrics, where the provider's meters appear beside Keycloak's.
            "metrics-enabled", "true",
            // /health/ready and /health/live for the orchestrator's probes.
            "health-enabled", "true");

    /**
     * The image's database vendor ({@code KC_DB}), the one build option of the image that is not in
     * {@link #OPTIONS}: the suite's own Keycloak keeps its data in dev-file storage, so that each run
     * starts clean without a database server. ClusterTest's two nodes are built with it ({@link
     * #clusterBuildArguments()}), so every build option of the image runs in some test.
     */
    public static final String DATABASE_VENDOR = "postgres";

    private ProductionBuildOptions() {}

    /** {@code kc.sh build} arguments for nodes on a shared database: the image's build options, all of them. */
    public static List<String> clusterBuildArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--db=" + DATABASE_VENDOR);
        OPTIONS.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments;
    }

    static void apply(KeycloakServerConfigBuilder config) {
        OPTIONS.forEach(config::option);
    }
}
