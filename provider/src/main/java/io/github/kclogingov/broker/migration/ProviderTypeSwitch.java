package io.github.kclogingov.broker.migration;

import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * Changes the type of a stored identity provider in place. Keycloak's storage API never changes a
 * provider's type once created ({@code IdentityProviderStorageProvider.update} copies every field
 * but that one), and removing the provider to add it again would delete every user's link to it
 * (links and mappers are stored by alias and removed with their provider). So the type is set on
 * Keycloak's own JPA entity, the one store Keycloak 26 has, in the request's transaction: the
 * links, the mappers and the provider's internal id stay as they are.
 *
 * <p>Reached by reflection because this extension compiles against Keycloak's public SPIs only;
 * the classes named here are part of every Keycloak 26 server. {@link #find} runs before anything
 * is changed, so a server where they are missing refuses the migration instead of half doing it.
 */
final class ProviderTypeSwitch {

    private static final Logger LOG = Logger.getLogger(ProviderTypeSwitch.class);

    private static final String JPA_CONNECTION = "org.keycloak.connections.jpa.JpaConnectionProvider";
    private static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";
    private static final String ENTITY = "org.keycloak.models.jpa.entities.IdentityProviderEntity";

    private final Object entity;
    private final Method setProviderId;

    private ProviderTypeSwitch(Object entity, Method setProviderId) {
        this.entity = entity;
        this.setProviderId = setProviderId;
    }

    /** The stored provider with this internal id, ready to switch; empty when this server's storage cannot. */
    @SuppressWarnings("unchecked")
    static Optional<ProviderTypeSwitch> find(KeycloakSession session, String internalId) {
        try {
            ClassLoader loader = KeycloakSession.class.getClassLoader();
            Class<? extends Provider> connectionType =
                    (Class<? extends Provider>) Class.forName(JPA_CONNECTION, true, loader);
            Object connection = session.getProvider(connectionType);
            if (connection == null) {
                return Optional.empty();
            }
            Object entityManager = connectionType.getMethod("getEntityManager").invoke(connection);
            Class<?> entityType = Class.forName(ENTITY, true, loader);
            Object entity = Class.forName(ENTITY_MANAGER, true, loader)
                    .getMethod("find", Class.class, Object.class)
                    .invoke(entityManager, entityType, internalId);
            if (entity == null) {
                return Optional.empty();
            }
            return Optional.of(new ProviderTypeSwitch(entity, entityType.getMethod("setProviderId", String.class)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warnf(
                    "Cannot change an identity provider's type in this Keycloak's storage (%s)",
                    e.getClass().getName());
            return Optional.empty();
        }
    }

    /** Sets the type; written with the request's transaction. */
    void switchTo(String providerId) {
        try {
            setProviderId.invoke(entity, providerId);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The identity provider's type could not be set", e);
        }
    }
}
