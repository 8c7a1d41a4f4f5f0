package io.github.kclogingov.broker.common;

/** The identity provider type every part of the broker recognises a Login.gov provider by. */
public final class ProviderType {

    /**
     * Stored in each provider's model. Keycloak's admin console reads the type's name from it: the
     * creation page is titled "Add Login.gov provider" and proposes the alias {@code login.gov}.
     * It holds no {@code oidc}, on purpose: the console shows Keycloak's full OpenID Connect editor
     * for any type containing it (endpoints, client authentication, PKCE, logout options), all of
     * which Login.gov's protocol decides, and every edit there would be silently replaced. Without
     * it the console shows the general settings and the Login.gov settings only. Until 0.1.0 the id
     * was {@code logingov-oidc}; see docs/administrators.md for moving a provider to this id.
     */
    public static final String ID = "login.gov";

    private ProviderType() {}
}
