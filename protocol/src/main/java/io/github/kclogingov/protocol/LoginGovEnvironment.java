package io.github.kclogingov.protocol;

import java.net.URI;
import java.util.Arrays;
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

    /**
     * The Login.gov environment serving {@code url} (an issuer, or any endpoint such as the
     * authorization URL): the one whose issuer has the same {@code https} scheme and host, without
     * a port or user info. Empty for any other server, a simulator among them: only the two hosts
     * Login.gov runs on are Login.gov.
     */
    public static Optional<LoginGovEnvironment> ofUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getPort() != -1 || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(environment -> environment.issuer != null)
                .filter(environment -> URI.create(environment.issuer).getHost().equalsIgnoreCase(uri.getHost()))
                .findFirst();
    }

    public static Optional<LoginGovEnvironment> fromConfigValue(String value) {
        return ConfigValue.find(LoginGovEnvironment.class, value);
    }
}
