package io.github.kclogingov.it.support;

import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.Persona;
import io.github.kclogingov.simulator.SimulatorConfig;
import io.github.kclogingov.simulator.ThrottleSettings;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One Login.gov simulator for the whole test run, started in this JVM on a free port. Keycloak,
 * a separate process, reaches it over HTTP like it would reach Login.gov. Each test realm
 * registers its own service provider with it. It behaves as Login.gov does (sessions, logout
 * confirmation) except for the per-IP throttle: every call of the whole suite comes from this one
 * machine, so it is off, and a test that needs it switches it on and off again
 * ({@link #withThrottle}).
 */
public final class SharedSimulator {

    private static LoginGovSimulator simulator;

    private SharedSimulator() {}

    public static synchronized LoginGovSimulator get() {
        if (simulator == null) {
            try {
                simulator = LoginGovSimulator.start(
                        SimulatorConfig.builder()
                                .mode(Mode.AUTOMATIC)
                                .throttle(ThrottleSettings.off())
                                .build(),
                        0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-stop"));
        }
        return simulator;
    }

    /**
     * Runs {@code action} with the per-IP throttle on at {@code settings}, then switches it off
     * again whatever happened, so no other class meets it.
     */
    public static void withThrottle(ThrottleSettings settings, Runnable action) {
        LoginGovSimulator shared = get();
        shared.throttle().set(settings);
        try {
            action.run();
        } finally {
            shared.throttle().disable();
        }
    }

    /** One of the simulator's personas as it is now (after any email change), for the values a test expects. */
    public static Persona persona(String id) {
        return get().personas().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
