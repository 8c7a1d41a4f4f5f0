package io.github.kclogingov.broker;

import io.github.kclogingov.broker.config.PushUrl;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers the realm resource {@code logingov}: Keycloak serves it at {@code /realms/{realm}/logingov}. */
public class LoginGovRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = PushUrl.REALM_RESOURCE;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LoginGovRealmResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
