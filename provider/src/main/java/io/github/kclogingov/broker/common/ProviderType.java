package io.github.kclogingov.broker.common;

/** The identity provider type every part of the broker recognises a Login.gov provider by. */
public final class ProviderType {

    /**
     * Stored in each provider's model. It contains {@code oidc} so that the admin console shows the
     * full OpenID Connect editor plus the Login.gov settings.
     */
    public static final String ID = "logingov-oidc";

    private ProviderType() {}
}
