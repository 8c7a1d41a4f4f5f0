package io.github.kclogingov.protocol;

/**
 * What a service provider is registered for at Login.gov's partner portal. An {@link #AUTH_ONLY}
 * service provider that asks for a verified level gets "The acr_values are not authorized", and
 * its {@code verified_at} is always null. IALMAX also needs Login.gov's allow list.
 */
public enum Registration implements ConfigValue {
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
    @Override
    public String configValue() {
        return configValue;
    }

    /** @throws IllegalArgumentException for null or an unknown spelling */
    public static Registration fromConfigValue(String value) {
        return ConfigValue.find(Registration.class, value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "registration must be \"auth-only\" or \"verified\", not \"" + value + "\""));
    }
}
