package io.github.kclogingov.broker.migration;

import java.util.List;
import java.util.stream.Stream;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.events.Details;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Removes the Login.gov tokens Keycloak's stock provider left behind. It puts the id_token and the
 * access token in the user session of every sign-in (for the id_token_hint of a later logout), and,
 * with *Store tokens* on, the token response beside each user's link. Login.gov's id_token holds
 * every attribute the scopes release (the SSN among them), and this extension keeps none of its
 * tokens; so once the provider is a Login.gov provider, nothing of the stock provider's should
 * outlive the migration in the database until those sessions happen to end.
 */
final class StockTokens {

    /** The user-session notes {@link OIDCIdentityProvider#authenticationFinished} writes. */
    static final List<String> SESSION_NOTES = List.of(
            OIDCIdentityProvider.FEDERATED_ID_TOKEN,
            OIDCIdentityProvider.FEDERATED_ACCESS_TOKEN,
            OIDCIdentityProvider.FEDERATED_REFRESH_TOKEN,
            OIDCIdentityProvider.FEDERATED_TOKEN_EXPIRATION);

    /** How many user sessions (online and offline) and links had a token removed. */
    record Removed(long sessions, long links) {}

    private StockTokens() {}

    /** In the request's transaction: each user linked through the alias, their sessions and their link. */
    static Removed remove(KeycloakSession session, RealmModel realm, String alias) {
        long sessions = 0;
        long links = 0;
        List<UserModel> linked =
                RealmProviders.linkedUsers(session, realm, alias).toList();
        for (UserModel user : linked) {
            sessions += Stream.concat(
                            session.sessions().getUserSessionsStream(realm, user),
                            session.sessions().getOfflineUserSessionsStream(realm, user))
                    .filter(userSession -> removeFrom(userSession, alias))
                    .count();
            FederatedIdentityModel link = session.users().getFederatedIdentity(realm, user, alias);
            if (link != null && link.getToken() != null) {
                session.users()
                        .updateFederatedIdentity(
                                realm,
                                user,
                                new FederatedIdentityModel(
                                        link.getIdentityProvider(), link.getUserId(), link.getUserName(), null));
                links++;
            }
        }
        return new Removed(sessions, links);
    }

    /** @return whether the session was signed in through the alias and held a token note */
    static boolean removeFrom(UserSessionModel userSession, String alias) {
        if (!alias.equals(userSession.getNote(Details.IDENTITY_PROVIDER))) {
            return false;
        }
        boolean held = false;
        for (String note : SESSION_NOTES) {
            if (userSession.getNote(note) != null) {
                userSession.removeNote(note);
                held = true;
            }
        }
        return held;
    }
}
