package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.LoginGovProtocol;

/**
 * One automatic-mode simulator for the whole test run (keys take a moment to generate), on a
 * clock the tests move. {@link #reset} puts it back to its starting behaviour. Every test calls
 * from this one address, so the per-IP throttle is off here; the tests about it switch it on.
 */
final class SharedSimulator {
    static final AdjustableClock CLOCK = new AdjustableClock();
    private static LoginGovSimulator instance;

    private SharedSimulator() {}

    static synchronized LoginGovSimulator get() {
        if (instance == null) {
            try {
                instance = LoginGovSimulator.start(
                        SimulatorConfig.builder()
                                .serviceProviders(TestClients.all())
                                .clock(CLOCK)
                                .throttle(ThrottleSettings.off())
                                .build(),
                        0);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    static LoginGovSimulator reset() {
        LoginGovSimulator simulator = get();
        simulator.faults().clear();
        simulator.outages().clear();
        simulator.jwks().clear();
        simulator.recorder().clear();
        simulator.resetPersonas();
        simulator.setAutoPersona("verified");
        simulator.setMode(Mode.AUTOMATIC);
        simulator.setNewPersonEverySignIn(false);
        simulator.throttle().disable();
        simulator.setSessionTimeout(LoginGovProtocol.SESSION_TIMEOUT);
        simulator.setLogoutConfirmation(LogoutConfirmation.WHEN_SIGNED_IN);
        simulator.setIdTokenCarriesUserinfo(true);
        simulator.backChannelDelays().clear();
        simulator.backChannelDelays().sleeper(null);
        return simulator;
    }
}
