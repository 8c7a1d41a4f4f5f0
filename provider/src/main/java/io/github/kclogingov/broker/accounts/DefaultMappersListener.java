package io.github.kclogingov.broker.accounts;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Gives a Login.gov identity provider created in the admin console (or through the admin REST API)
 * its {@link DefaultMappers}, bound to whatever alias it was given.
 *
 * <p>Keycloak has no hook for "identity provider created", but it reports the creation as an admin
 * event to every global listener, in the same transaction. A realm import creates no admin event:
 * an imported realm lists its mappers itself, as {@code realm-export/} does.
 */
public class DefaultMappersListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(DefaultMappersListener.class);
    private static final String RESOURCE_PREFIX = "identity-provider/instances/";

    private final KeycloakSession session;

    public DefaultMappersListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // Sign-in events are not about configuration.
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.IDENTITY_PROVIDER
                || event.getOperationType() != OperationType.CREATE
                || event.getResourcePath() == null
                || !event.getResourcePath().startsWith(RESOURCE_PREFIX)) {
            return;
        }
        String alias = event.getResourcePath().substring(RESOURCE_PREFIX.length());
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            addDefaults(alias);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private void addDefaults(String alias) {
        IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
        if (provider == null
                || !ProviderType.ID.equals(provider.getProviderId())
                || session.identityProviders()
                        .getMappersByAliasStream(alias)
                        .findAny()
                        .isPresent()) {
            return;
        }
        for (IdentityProviderMapperModel mapper :
                DefaultMappers.defaultsFor(alias, new LoginGovIdentityProviderConfig(provider).settings())) {
            session.identityProviders().createMapper(mapper);
        }
        LOG.infof("Login.gov provider '%s': default mappers added", alias);
    }

    @Override
    public void close() {}
}
