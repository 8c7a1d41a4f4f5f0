package io.github.kclogingov.broker.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A registry under Micrometer's global one for one test, which sees only that test's meters: the
 * global registry keeps every meter ever registered and gives each to a registry added later, so it
 * is emptied first.
 */
public final class TestMeters {

    private TestMeters() {}

    public static SimpleMeterRegistry install() {
        Metrics.globalRegistry.clear();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        return meters;
    }

    public static void remove(SimpleMeterRegistry meters) {
        Metrics.removeRegistry(meters);
        meters.close();
    }
}
