package io.github.kclogingov.broker.signals;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An admin who enables a user that Login.gov's account-disabled event had disabled takes the
 * decision over: the mark is dropped ({@link LoginGovDisabled#forgetIfEnabled}), so that if the
 * admin disables the user later, a Login.gov account-enabled does not enable them. Keycloak reports
 * every user update as an admin event to global listeners, in the update's transaction.
 */
public class AdminEnabledListener implements EventListenerProvider {

    private static final String USERS = "users/";

    private final KeycloakSession session;

    public AdminEnabledListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // Sign-in events change no admin decision.
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER
                || event.getOperationType() != OperationType.UPDATE
                || event.getResourcePath() == null
                || !event.getResourcePath().startsWith(USERS)) {
            return;
        }
        String userId = event.getResourcePath().substring(USERS.length());
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || userId.isEmpty() || userId.contains("/")) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null) {
            LoginGovDisabled.forgetIfEnabled(user);
        }
    }

    @Override
    public void close() {}
}
