package io.github.kclogingov.protocol;

import java.util.Optional;

/**
 * Where Login.gov runs. Sandbox and production have separate accounts and keys; {@link #CUSTOM}
 * points at any Login.gov-compatible provider (the simulator) by its issuer URL.
 */
public enum LoginGovEnvironment implements ConfigValue {
    SANDBOX("sandbox", "https://idp.int.identitysandbox.gov/"),
    PRODUCTION("production", "https://secure.login.gov/"),
    CUSTOM("custom", null);

    private final String configValue;
    private final String issuer;

    LoginGovEnvironment(String configValue, String issuer) {
        this.configValue = configValue;
        this.issuer = issuer;
    }

    /** The value stored in configuration and shown in the admin console's drop-down. */
    @Override
    public String configValue() {
        return configValue;
    }

    /** The fixed issuer of this environment; empty for {@link #CUSTOM}. */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * The endpoints of this environment. {@code customIssuer} is only read for {@link #CUSTOM}.
     *
     * @throws IllegalArgumentException when a custom environment has no usable issuer URL
     */
    public LoginGovEndpoints endpoints(String customIssuer) {
        return LoginGovEndpoints.forIssuer(issuer != null ? issuer : customIssuer);
    }

    public static Optional<LoginGovEnvironment> fromConfigValue(String value) {
        return ConfigValue.find(LoginGovEnvironment.class, value);
    }
}
