package io.github.kclogingov.simulator;

import java.util.Locale;

/** How the simulator answers a valid authorization request. */
public enum Mode {
    /** Signs the configured auto persona in at once: for tests and unattended demos. */
    AUTOMATIC,
    /** Shows a persona picker page, and a confirmation page at logout: for people. */
    INTERACTIVE;

    public static Mode fromConfigValue(String value) {
        String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.name().equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be \"interactive\" or \"automatic\", not \"" + value + "\"");
    }
}
