package io.github.kclogingov.broker.signals;

import io.github.kclogingov.broker.config.SecurityEventAction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What each {@link SecurityEventAction} does to the user linked to the event's subject. Every one
 * is idempotent: a second delivery finds the work done and does it again harmlessly (ending
 * sessions that are already gone, disabling a disabled user) or not at all.
 */
final class AccountActions {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String alias;

    AccountActions(KeycloakSession session, RealmModel realm, String alias) {
        this.session = session;
        this.realm = realm;
        this.alias = alias;
    }

    Outcome apply(SecurityEventAction action, UserModel user) {
        return switch (action) {
            case DISABLE -> disable(user);
            case ENABLE -> enable(user);
            case UNLINK -> unlink(user);
            case END_SESSIONS -> endSessions(user);
            case REFRESH_ATTRIBUTES -> {
                ReproofMark.set(user, alias);
                yield Outcome.REFRESH_AT_NEXT_SIGN_IN;
            }
            case LOG -> Outcome.LOGGED;
        };
    }

    private Outcome disable(UserModel user) {
        boolean disabledNow = LoginGovDisabled.disable(user, LoginGovDisabled.ACCOUNT_DISABLED, alias);
        SessionTermination.endAll(session, realm, user);
        return disabledNow ? Outcome.USER_DISABLED : Outcome.ALREADY_DISABLED;
    }

    /** Only a user that account-disabled of this provider disabled: never one an admin or a lockout disabled. */
    private Outcome enable(UserModel user) {
        if (user.isEnabled()) {
            return Outcome.ALREADY_ENABLED;
        }
        if (!LoginGovDisabled.byAccountDisabled(user, alias)) {
            return Outcome.LEFT_DISABLED;
        }
        LoginGovDisabled.enable(user);
        return Outcome.USER_ENABLED;
    }

    private Outcome endSessions(UserModel user) {
        SessionTermination.endAll(session, realm, user);
        return Outcome.SESSIONS_ENDED;
    }

    /**
     * The Login.gov account is gone for good (a new one gets a new {@code sub} and goes through the
     * first broker login again): the link is removed, and a user left with no way to sign in (no
     * credential of its own, no other identity provider, no user federation) is disabled too.
     */
    private Outcome unlink(UserModel user) {
        SessionTermination.endAll(session, realm, user);
        boolean otherWayIn = user.getFederationLink() != null
                || user.credentialManager()
                        .getStoredCredentialsStream()
                        .findAny()
                        .isPresent()
                || session.users()
                        .getFederatedIdentitiesStream(realm, user)
                        .anyMatch(link -> !alias.equals(link.getIdentityProvider()));
        session.users().removeFederatedIdentity(realm, user, alias);
        if (!otherWayIn) {
            LoginGovDisabled.disable(user, LoginGovDisabled.ACCOUNT_PURGED, alias);
            return Outcome.LINK_REMOVED_USER_DISABLED;
        }
        return Outcome.LINK_REMOVED;
    }
}
