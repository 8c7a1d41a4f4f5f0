package io.github.kclogingov.broker;

import io.github.kclogingov.broker.common.NodeTimer;
import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.ConfigForm;
import io.github.kclogingov.broker.config.ImportedProviderKeys;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.broker.keys.CertificateExpiryRefresh;
import io.github.kclogingov.protocol.ClientAuthentication;
import java.util.List;
import java.util.Optional;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
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

    /** Node-wide: the gauges of the client assertion certificates' expiry, read at intervals and at first use. */
    private static final CertificateExpiryRefresh CERTIFICATE_EXPIRY =
            new CertificateExpiryRefresh(LoginGovIdentityProviderFactory::clientAssertionKeyId);

    /**
     * Declares the concrete class: Keycloak reflects on this return type to decide the provider's
     * kind. A provider's first use on this node also gives it its certificate gauge.
     */
    @Override
    public LoginGovIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        RealmModel realm = session.getContext().getRealm();
        if (realm != null) {
            CERTIFICATE_EXPIRY.readIfUnknown(session, realm, model);
        }
        return new LoginGovIdentityProvider(session, new LoginGovIdentityProviderConfig(model));
    }

    /**
     * The kid a provider's client assertions are signed with: empty for a provider that signs none
     * (PKCE); an empty kid when its settings are unusable, which its gauge shows as unreadable.
     */
    static Optional<String> clientAssertionKeyId(IdentityProviderModel model) {
        try {
            LoginGovSettings settings = new LoginGovIdentityProviderConfig(model).settings();
            return settings.clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT
                    ? Optional.of(settings.signingKeyId().orElse(""))
                    : Optional.empty();
        } catch (InvalidSettingsException e) {
            return Optional.of("");
        }
    }

    @Override
    public LoginGovIdentityProviderConfig createConfig() {
        return new LoginGovIdentityProviderConfig();
    }

    /**
     * Keycloak has no hook for a finished realm import but this event, which {@link
     * ImportedProviderKeys} needs. Once the database is ready, the certificate gauges are refreshed
     * on this node's timer.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ImportedProviderKeys());
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                NodeTimer.schedule(factory, CERTIFICATE_EXPIRY, CertificateExpiryRefresh.INTERVAL_MILLIS);
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConfigForm.properties();
    }
}
