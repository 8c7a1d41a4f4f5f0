package io.github.kclogingov.broker.assurance;

import java.util.List;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps an application's earlier level request out of the {@code acr} claim of a later one.
 *
 * <p>When a session signs in to an application again, Keycloak copies the new authorization
 * request's notes into the application's client session over the earlier ones, but leaves a note
 * the new request did not send. Its acr mapper reads {@code acr_values} and {@code claims} from
 * there, and names the achieved level only among the names they hold. So a request with no level
 * after a {@code piv-cac} step-up got {@code "acr": "piv-cac"}, although the session met
 * {@code verified}, the higher-numbered level. These notes belong to one request: the ones the
 * current request lacks are removed before Keycloak issues its code.
 */
public final class EarlierLevelRequest {

    /** The client session notes Keycloak's acr mapper reads the requested level names from. */
    static final List<String> LEVEL_NOTES = List.of(OIDCLoginProtocol.ACR_PARAM, OIDCLoginProtocol.CLAIMS_PARAM);

    private EarlierLevelRequest() {}

    /**
     * Removes from {@code userSession}'s client session for the application of {@code authSession}
     * the level notes that the request in {@code authSession} does not carry. Nothing to do for a
     * session the application has not signed in to yet.
     */
    public static void forget(UserSessionModel userSession, AuthenticationSessionModel authSession) {
        if (userSession == null || authSession.getClient() == null) {
            return;
        }
        AuthenticatedClientSessionModel clientSession = userSession.getAuthenticatedClientSessionByClient(
                authSession.getClient().getId());
        if (clientSession == null) {
            return;
        }
        for (String note : LEVEL_NOTES) {
            if (authSession.getClientNote(note) == null && clientSession.getNote(note) != null) {
                clientSession.removeNote(note);
            }
        }
    }
}
