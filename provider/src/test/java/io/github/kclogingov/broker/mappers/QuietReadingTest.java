package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Every Login.gov mapper reads claims through {@link QuietClaims} only: each hook that reads a
 * claim is its own, so Keycloak's lookup (which logs the whole userinfo at DEBUG) never runs; and
 * no class that handles claim values has a logger.
 */
class QuietReadingTest {

    static final List<Class<?>> MAPPERS =
            List.of(LoginGovAttributeMapper.class, LoginGovAddressMapper.class, LoginGovSsnMapper.class);

    @Test
    void every_mapper_reads_claims_in_its_own_hooks() throws Exception {
        for (Class<?> mapper : MAPPERS) {
            mapper.getDeclaredMethod(
                    "preprocessFederatedIdentity",
                    KeycloakSession.class,
                    RealmModel.class,
                    IdentityProviderMapperModel.class,
                    BrokeredIdentityContext.class);
            mapper.getDeclaredMethod(
                    "updateBrokeredUser",
                    KeycloakSession.class,
                    RealmModel.class,
                    UserModel.class,
                    IdentityProviderMapperModel.class,
                    BrokeredIdentityContext.class);
            // The other hooks stay Keycloak's no-ops: the legacy update calls ours, importNewUser reads nothing.
            for (String hook : List.of("importNewUser", "updateBrokeredUserLegacy")) {
                Class<?> declaring = mapper.getMethod(
                                hook,
                                KeycloakSession.class,
                                RealmModel.class,
                                UserModel.class,
                                IdentityProviderMapperModel.class,
                                BrokeredIdentityContext.class)
                        .getDeclaringClass();
                assertEquals(AbstractIdentityProviderMapper.class, declaring, mapper.getSimpleName() + "." + hook);
            }
        }
    }

    @Test
    void no_class_that_handles_claim_values_has_a_logger() {
        List<Class<?>> handlers = new java.util.ArrayList<>(MAPPERS);
        handlers.addAll(List.of(
                QuietClaims.class,
                ClaimValues.class,
                ClaimBounds.class,
                StoredAttribute.class,
                LoginGovClaimImporter.class));
        for (Class<?> type : handlers) {
            for (Class<?> c = type; c != null && c.getName().startsWith("io.github"); c = c.getSuperclass()) {
                Class<?> holder = c;
                for (Field field : c.getDeclaredFields()) {
                    assertFalse(
                            Logger.class.isAssignableFrom(field.getType())
                                    || java.util.logging.Logger.class.isAssignableFrom(field.getType()),
                            () -> type.getSimpleName() + " has a logger: " + field.getName() + " in "
                                    + holder.getSimpleName());
                }
            }
        }
    }
}
