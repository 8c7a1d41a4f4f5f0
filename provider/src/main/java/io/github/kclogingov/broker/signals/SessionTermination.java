package io.github.kclogingov.broker.signals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Ends every session of a user, offline ones included, as Keycloak's admin "Sign out" does, in two
 * steps so that Login.gov has its answer within its 3 seconds whatever the applications do:
 *
 * <ol>
 *   <li>at once, in the push request's transaction: the user's not-before time is now, so every
 *       token, refresh token (offline ones too) and SSO cookie issued before is refused from here on;</li>
 *   <li>after that transaction commits, on a Keycloak executor with a session of its own: each
 *       session is logged out with back-channel logout to its applications, however long they take
 *       to answer (Keycloak's HTTP client gives up on a silent one after its socket timeout).</li>
 * </ol>
 */
final class SessionTermination {

    private static final Logger LOG = Logger.getLogger(SessionTermination.class);
    static final String EXECUTOR = "logingov-security-events";

    private SessionTermination() {}

    static void endAll(KeycloakSession session, RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        DetachedRequest request = DetachedRequest.of(session.getContext().getHttpRequest());
        ClientConnection connection =
                DetachedRequest.connectionOf(session.getContext().getConnection());
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        String realmId = realm.getId();
        String userId = user.getId();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> logOutEverywhere(factory, request, connection, realmId, userId));
                } catch (RejectedExecutionException e) {
                    LOG.warnf(
                            "Login.gov security event: back-channel logout of user %s could not be scheduled", userId);
                }
            }

            @Override
            protected void rollbackImpl() {
                // Nothing was decided: nothing to log out.
            }
        });
    }

    private static void logOutEverywhere(
            KeycloakSessionFactory factory,
            DetachedRequest request,
            ClientConnection connection,
            String realmId,
            String userId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return; // removed in the meantime, sessions and all
                }
                // The session is bound to the realm first: Keycloak's user lookup asks the context for it.
                session.getContext().setRealm(realm);
                session.getContext().setHttpRequest(request);
                session.getContext().setConnection(connection);
                UserModel user = session.users().getUserById(realm, userId);
                if (user == null) {
                    return; // removed in the meantime: its sessions went with it
                }
                List<UserSessionModel> online =
                        session.sessions().getUserSessionsStream(realm, user).toList();
                List<UserSessionModel> offline = session.sessions()
                        .getOfflineUserSessionsStream(realm, user)
                        .toList();
                // Keycloak's URL of the detached request: the logout tokens' issuer is built from it.
                var uri = session.getContext().getUri();
                var headers = request.getHttpHeaders();
                online.forEach(userSession -> AuthenticationManager.backchannelLogout(
                        session, realm, userSession, uri, connection, headers, false, false));
                offline.forEach(userSession -> AuthenticationManager.backchannelLogout(
                        session, realm, userSession, uri, connection, headers, false, true));
                LOG.debugf(
                        "Login.gov security event: user %s signed out of %d session(s) and %d offline session(s)",
                        userId, online.size(), offline.size());
            });
        } catch (RuntimeException e) {
            // The not-before time already refuses every token; only the applications' notice failed.
            LOG.warnf(
                    "Login.gov security event: back-channel logout of user %s failed: %s",
                    userId, e.getClass().getName());
            LOG.debug("Login.gov security event: back-channel logout failure", e);
        }
    }
}
