package io.github.kclogingov.broker;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Serves {@link LoginGovRealmResource} under {@code /realms/{realm}/logingov}. */
public class LoginGovRealmResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    public LoginGovRealmResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new LoginGovRealmResource(session);
    }

    @Override
    public void close() {}
}
