package io.github.kclogingov.protocol;

import java.util.Optional;

/** How a service provider authenticates at Login.gov's token endpoint; fixed when the agency registers it. */
public enum ClientAuthentication implements ConfigValue {
    /** A JWT signed with a key whose certificate is uploaded to Login.gov's partner portal. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** A public client proving possession of the PKCE verifier only. */
    PKCE("pkce");

    private final String configValue;

    ClientAuthentication(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static Optional<ClientAuthentication> fromConfigValue(String value) {
        return ConfigValue.find(ClientAuthentication.class, value);
    }
}
