package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Carries out a plan that lists no refusal, in the request's transaction: everything that can
 * refuse (the storage, the Login.gov provider's own checks of the new settings and key) is asked
 * first, on copies, so that a refusal leaves the stock provider exactly as it was.
 */
final class MigrationApply {

    private static final Logger LOG = Logger.getLogger(MigrationApply.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    MigrationApply(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** @return why it could not be done (nothing changed then), or empty once it is done */
    Optional<String> apply(
            IdentityProviderModel stock, MigrationPlanner.Planned planned, AdminEventBuilder adminEvent) {
        Optional<ProviderTypeSwitch> typeSwitch = ProviderTypeSwitch.find(session, stock.getInternalId());
        if (typeSwitch.isEmpty()) {
            return Optional.of("This Keycloak's storage does not let the provider's type be changed in place "
                    + "(see the server log); nothing was changed.");
        }
        IdentityProviderModel copy = new IdentityProviderModel(stock);
        copy.setProviderId(ProviderType.ID);
        copy.setConfig(new HashMap<>(planned.newConfig()));
        // Login.gov's tokens are never kept (this extension refuses the setting on save).
        copy.setStoreToken(false);
        LoginGovIdentityProviderConfig loginGov = new LoginGovIdentityProviderConfig(copy);
        try {
            loginGov.validate(realm);
        } catch (RuntimeException e) {
            // The provider's own refusal of the settings: its message names the fields and says what to do.
            return Optional.of(
                    "The Login.gov provider refuses the converted settings; nothing was changed: " + e.getMessage());
        }
        session.identityProviders().update(loginGov);
        typeSwitch.get().switchTo(ProviderType.ID);
        Map<String, IdentityProviderMapperModel> byName = new HashMap<>();
        session.identityProviders()
                .getMappersByAliasStream(stock.getAlias())
                .forEach(mapper -> byName.put(mapper.getName(), mapper));
        for (MapperOutcome outcome : planned.plan().mappers()) {
            IdentityProviderMapperModel mapper = byName.get(outcome.name());
            if (mapper == null || outcome.outcome() == MapperOutcome.Outcome.KEPT) {
                continue;
            }
            if (outcome.outcome() == MapperOutcome.Outcome.CONVERTED) {
                // Same id and name: updated in place rather than removed and added again.
                mapper.setIdentityProviderMapper(outcome.newType());
                mapper.setConfig(new HashMap<>(outcome.newConfig()));
                session.identityProviders().updateMapper(mapper);
            } else {
                session.identityProviders().removeMapper(mapper);
            }
        }
        StockTokens.Removed removed = StockTokens.remove(session, realm, stock.getAlias());
        adminEvent
                .operation(OperationType.UPDATE)
                .resource(ResourceType.IDENTITY_PROVIDER)
                .resourcePath("identity-provider", "instances", stock.getAlias())
                .representation(summary(planned.plan(), removed))
                .success();
        LOG.infof(
                "Identity provider '%s' of realm '%s' migrated from type %s to %s; %d linked users kept; "
                        + "Login.gov tokens removed from %d user sessions and %d links",
                stock.getAlias(),
                realm.getName(),
                planned.plan().providerType(),
                ProviderType.ID,
                planned.plan().linkedUsers(),
                removed.sessions(),
                removed.links());
        return Optional.empty();
    }

    /** What the admin event records: the change of type and the mappers' outcomes, nothing about anyone. */
    private static Map<String, Object> summary(MigrationPlan plan, StockTokens.Removed removed) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("migration", plan.providerType() + " -> " + plan.newProviderType());
        summary.put("alias", plan.alias());
        summary.put("linkedUsers", plan.linkedUsers());
        summary.put("sessionsWithTokensRemoved", removed.sessions());
        summary.put("linksWithTokensRemoved", removed.links());
        summary.put("clientAssertionKey", plan.clientAssertionKey().kid());
        summary.put(
                "mappers",
                plan.mappers().stream()
                        .map(m ->
                                Map.of("name", m.name(), "outcome", m.outcome().name()))
                        .toList());
        return summary;
    }
}
