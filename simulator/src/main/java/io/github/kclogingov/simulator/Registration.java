package io.github.kclogingov.simulator;

import java.util.Locale;

/**
 * What a service provider is registered for at Login.gov. An {@link #AUTH_ONLY} service provider
 * that asks for a verified level gets "The acr_values are not authorized", and its
 * {@code verified_at} is always null.
 */
public enum Registration {
    AUTH_ONLY("auth-only"),
    VERIFIED("verified");

    private final String configValue;

    Registration(String configValue) {
        this.configValue = configValue;
    }

    /** The spelling used in the simulator's JSON configuration file. */
    public String configValue() {
        return configValue;
    }

    public static Registration fromConfigValue(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Registration registration : values()) {
            if (registration.configValue.equals(wanted)) {
                return registration;
            }
        }
        throw new IllegalArgumentException("registration must be \"auth-only\" or \"verified\", not \"" + value + "\"");
    }
}
