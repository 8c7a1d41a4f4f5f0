package io.github.kclogingov.broker.fraud;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@link DisableRuleListener} for every realm; each provider's setting turns its rule on. */
public class DisableRuleListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "logingov-fraud-report-on-disable";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new DisableRuleListener(session);
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
