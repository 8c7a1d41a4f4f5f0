package io.github.kclogingov.broker.common;

import java.util.Optional;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The user an administrator's update is about, read from the admin event Keycloak sends every
 * global listener in the update's transaction ({@code users/<id>}, operation UPDATE).
 *
 * @param realm the user's realm
 * @param user the user as the update left them
 */
public record AdminUserUpdate(RealmModel realm, UserModel user) {

    private static final String USERS = "users/";

    /** Empty for any other event, and for a user that no longer exists. */
    public static Optional<AdminUserUpdate> of(KeycloakSession session, AdminEvent event) {
        if (event.getResourceType() != ResourceType.USER
                || event.getOperationType() != OperationType.UPDATE
                || event.getResourcePath() == null
                || !event.getResourcePath().startsWith(USERS)) {
            return Optional.empty();
        }
        String userId = event.getResourcePath().substring(USERS.length());
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || userId.isEmpty() || userId.contains("/")) {
            return Optional.empty();
        }
        UserModel user = session.users().getUserById(realm, userId);
        return user == null ? Optional.empty() : Optional.of(new AdminUserUpdate(realm, user));
    }
}
