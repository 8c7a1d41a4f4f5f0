package io.github.kclogingov.broker.portal;

import io.github.kclogingov.broker.keys.CertificateUrl;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link ClientAssertionCertificateResource} at {@code /realms/<realm>/logingov}. */
public class ClientAssertionCertificateResourceFactory implements RealmResourceProviderFactory {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ClientAssertionCertificateResource(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return CertificateUrl.RESOURCE_ID;
    }
}
