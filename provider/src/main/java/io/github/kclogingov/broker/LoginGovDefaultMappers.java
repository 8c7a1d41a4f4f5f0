package io.github.kclogingov.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.kclogingov.broker.mappers.LoginGovAttributeMapper;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.Registration;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderMapperSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Gives a Login.gov identity provider created in the admin console (or through the admin REST API)
 * its default mappers, bound to whatever alias it was given: the email, and the first and last
 * names when the provider can ask for a verified level (Login.gov releases names only then).
 *
 * <p>Keycloak has no hook for "identity provider created", but it reports the creation as an admin
 * event to every global listener, in the same transaction. A realm import creates no admin event:
 * an imported realm lists its mappers itself, as {@code realm-export/} does.
 */
public class LoginGovDefaultMappers implements EventListenerProvider {

    /** Config keys of {@link LoginGovAttributeMapper}, which are Keycloak's user attribute mapper keys. */
    static final String CLAIM = "claim";
    static final String USER_ATTRIBUTE = "user.attribute";

    private static final Logger LOG = Logger.getLogger(LoginGovDefaultMappers.class);
    private static final String RESOURCE_PREFIX = "identity-provider/instances/";

    private final KeycloakSession session;

    public LoginGovDefaultMappers(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // Sign-in events are not about configuration.
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.IDENTITY_PROVIDER || event.getOperationType() != OperationType.CREATE
                || event.getResourcePath() == null || !event.getResourcePath().startsWith(RESOURCE_PREFIX)) {
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
        if (provider == null || !LoginGovIdentityProviderFactory.PROVIDER_ID.equals(provider.getProviderId())
                || session.identityProviders().getMappersByAliasStream(alias).findAny().isPresent()) {
            return;
        }
        for (IdentityProviderMapperModel mapper : defaultsFor(alias, new LoginGovIdentityProviderConfig(provider))) {
            session.identityProviders().createMapper(mapper);
        }
        LOG.infof("Login.gov provider '%s': default mappers added", alias);
    }

    static List<IdentityProviderMapperModel> defaultsFor(String alias, LoginGovIdentityProviderConfig config) {
        List<IdentityProviderMapperModel> mappers = new ArrayList<>();
        mappers.add(attributeMapper(alias, "email", LoginGovClaims.EMAIL, "email"));
        boolean verifiedLevels = config.registration() == Registration.VERIFIED
                || config.defaultLevel().ial().releasesVerifiedAttributes();
        if (verifiedLevels) {
            mappers.add(attributeMapper(alias, "first name", LoginGovClaims.GIVEN_NAME, "firstName"));
            mappers.add(attributeMapper(alias, "last name", LoginGovClaims.FAMILY_NAME, "lastName"));
        }
        return mappers;
    }

    private static IdentityProviderMapperModel attributeMapper(String alias, String name, String claim, String attribute) {
        IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(alias);
        mapper.setIdentityProviderMapper(LoginGovAttributeMapper.PROVIDER_ID);
        mapper.setConfig(new java.util.HashMap<>(Map.of(
                CLAIM, claim,
                USER_ATTRIBUTE, attribute,
                IdentityProviderMapperModel.SYNC_MODE, IdentityProviderMapperSyncMode.INHERIT.name())));
        return mapper;
    }

    @Override
    public void close() {
    }
}
