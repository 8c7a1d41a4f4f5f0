package io.github.kclogingov.simulator;

import java.util.Locale;

/** How a service provider authenticates at the token endpoint; fixed when it is registered. */
public enum ClientAuthentication {
    /** A client assertion JWT signed with a key whose certificate was registered. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** A public client: {@code code_challenge} (S256) at authorize, {@code code_verifier} at token. */
    PKCE("pkce");

    private final String configValue;

    ClientAuthentication(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static ClientAuthentication fromConfigValue(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ClientAuthentication authentication : values()) {
            if (authentication.configValue.equals(wanted)) {
                return authentication;
            }
        }
        throw new IllegalArgumentException("authentication must be \"private_key_jwt\" or \"pkce\", not \"" + value + "\"");
    }
}
