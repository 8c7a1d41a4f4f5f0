package io.github.kclogingov.it.support;

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

    private ProductionBuildOptions() {}

    static void apply(KeycloakServerConfigBuilder config) {
        OPTIONS.forEach(config::option);
    }
}
