package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's achieved level of authentication after Login.gov signed the person in. The stock
 * brokering leaves it at its default (keycloak#25335); here it becomes the realm's level whose
 * Login.gov level the assertion meets, so Keycloak's {@code acr} claim names it.
 */
public final class AchievedLevel {

    private AchievedLevel() {}

    /**
     * Records the assertion the sign-in carried ({@link AssuranceNotes#carry}) in the user session,
     * bound to {@code alias}, and sets the achieved level for the current request from it. Nothing is
     * recorded into a session that another provider signed in (typically a signed-in person linking
     * a second Login.gov account, sandbox and production in one realm): that session keeps what its
     * own provider asserted, and the link's answer never raises it.
     *
     * @throws LoginGovLoginException when the checked assertion did not reach the end of the sign-in
     */
    public static void record(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            BrokeredIdentityContext context,
            AssuranceNames names,
            String alias) {
        UserSessionModel existing = new AuthenticationSessionManager(session).getUserSession(authSession);
        if (isSignedInByAnother(existing, alias)) {
            return;
        }
        RecordedAssertion asserted = AssuranceNotes.carried(context, alias)
                .orElseThrow(() -> new LoginGovLoginException(
                        FailureCode.SESSION_STATE, "the checked Login.gov assurance was lost during the sign-in"));
        AssuranceNotes.recordAsserted(authSession, asserted);
        // A session raised at Login.gov (step-up, reuse limit) may still hold an earlier request's level names.
        EarlierLevelRequest.forget(existing, authSession);
        RequestedLevels.of(authSession)
                .achievedLoa(asserted.level(), names)
                .ifPresent(loa -> new AcrStore(session, authSession).setLevelAuthenticatedToCurrentRequest(loa));
    }

    private static boolean isSignedInByAnother(UserSessionModel existing, String alias) {
        String signedInBy = existing == null ? null : existing.getNote(Details.IDENTITY_PROVIDER);
        return signedInBy != null && !signedInBy.equals(alias);
    }
}
