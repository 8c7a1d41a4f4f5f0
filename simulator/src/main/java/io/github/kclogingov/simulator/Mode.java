package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.ConfigValue;
import java.util.Locale;

/** How the simulator answers a valid authorization request. */
public enum Mode implements ConfigValue {
    /** Signs the configured auto persona in at once: for tests and unattended demos. */
    AUTOMATIC,
    /** Shows a persona picker page: for people. (Logout asks a signed-in person in either mode, as Login.gov.) */
    INTERACTIVE;

    @Override
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for null or an unknown spelling */
    public static Mode fromConfigValue(String value) {
        return ConfigValue.find(Mode.class, value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "mode must be \"interactive\" or \"automatic\", not \"" + value + "\""));
    }
}
