package io.github.kclogingov.protocol;

import java.util.Locale;
import java.util.Optional;

/** How a service provider authenticates at Login.gov's token endpoint; fixed when the agency registers it. */
public enum ClientAuthentication {
    /** A JWT signed with a key whose certificate is uploaded to Login.gov's partner portal. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** A public client proving possession of the PKCE verifier only. */
    PKCE("pkce");

    private final String configValue;

    ClientAuthentication(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<ClientAuthentication> fromConfigValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (ClientAuthentication method : values()) {
            if (method.configValue.equals(wanted)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
