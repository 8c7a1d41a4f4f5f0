package io.github.kclogingov.it.support;

import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.Persona;
import io.github.kclogingov.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One Login.gov simulator for the whole test run, started in this JVM on a free port. Keycloak,
 * a separate process, reaches it over HTTP like it would reach Login.gov. Each test realm
 * registers its own service provider with it.
 */
public final class SharedSimulator {

    private static LoginGovSimulator simulator;

    private SharedSimulator() {}

    public static synchronized LoginGovSimulator get() {
        if (simulator == null) {
            try {
                simulator = LoginGovSimulator.start(
                        SimulatorConfig.builder().mode(Mode.AUTOMATIC).build(), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-stop"));
        }
        return simulator;
    }

    /** One of the simulator's personas as it is now (after any email change), for the values a test expects. */
    public static Persona persona(String id) {
        return get().personas().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
