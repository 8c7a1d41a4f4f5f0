package io.github.kclogingov.broker;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.ConfigForm;
import io.github.kclogingov.broker.config.ImportedProviderKeys;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import java.util.List;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers "Login.gov" as an identity provider type. Its id ({@link ProviderType#ID}) leaves out
 * {@code oidc}, so that the admin console shows its general settings and the Login.gov settings
 * ({@link ConfigForm}), not the stock OpenID Connect editor whose every field Login.gov decides.
 */
public class LoginGovIdentityProviderFactory extends AbstractIdentityProviderFactory<LoginGovIdentityProvider> {

    public static final String PROVIDER_ID = ProviderType.ID;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "Login.gov";
    }

    /** Declares the concrete class: Keycloak reflects on this return type to decide the provider's kind. */
    @Override
    public LoginGovIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new LoginGovIdentityProvider(session, new LoginGovIdentityProviderConfig(model));
    }

    @Override
    public LoginGovIdentityProviderConfig createConfig() {
        return new LoginGovIdentityProviderConfig();
    }

    /** Keycloak has no hook for a finished realm import but this event, which {@link ImportedProviderKeys} needs. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ImportedProviderKeys());
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConfigForm.properties();
    }
}
