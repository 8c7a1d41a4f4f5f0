package io.github.kclogingov.broker.signals;

import io.github.kclogingov.broker.common.AdminUserUpdate;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * An admin who enables a user that Login.gov's account-disabled event had disabled takes the
 * decision over: the mark is dropped ({@link LoginGovDisabled#forgetIfEnabled}), so that if the
 * admin disables the user later, a Login.gov account-enabled does not enable them. Keycloak reports
 * every user update as an admin event to global listeners, in the update's transaction.
 */
public class AdminEnabledListener implements EventListenerProvider {

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
        AdminUserUpdate.of(session, event).ifPresent(update -> LoginGovDisabled.forgetIfEnabled(update.user()));
    }

    @Override
    public void close() {}
}
