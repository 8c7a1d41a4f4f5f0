package io.github.kclogingov.protocol;

import java.util.Locale;

/**
 * What a service provider is registered for at Login.gov's partner portal. An {@link #AUTH_ONLY}
 * service provider that asks for a verified level gets "The acr_values are not authorized", and
 * its {@code verified_at} is always null. IALMAX also needs Login.gov's allow list.
 */
public enum Registration {
    AUTH_ONLY("auth-only"),
    VERIFIED("verified");

    private final String configValue;

    Registration(String configValue) {
        this.configValue = configValue;
    }

    /** Whether Login.gov lets a service provider with this registration ask for {@code level}. */
    public boolean permits(IdentityAssurance level) {
        return this == VERIFIED || !(level.requiresVerifiedIdentity() || level == IdentityAssurance.IALMAX);
    }

    /** The spelling used in configuration (the simulator's JSON file, the identity provider's settings). */
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
