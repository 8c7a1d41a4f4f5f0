package io.github.kclogingov.broker.signals;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@link AdminEnabledListener} for every realm, without an admin enabling it. */
public class AdminEnabledListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "logingov-admin-enabled";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AdminEnabledListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
