package io.github.kclogingov.broker.assurance;

import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's achieved level of authentication after Login.gov signed the person in. The stock
 * brokering leaves it at its default (keycloak#25335); here it becomes the realm's level whose
 * Login.gov level the assertion meets, so Keycloak's {@code acr} claim names it.
 */
public final class AchievedLevel {

    private AchievedLevel() {}

    /** Records the assertion in the user session and sets the achieved level for the current request from it. */
    public static void record(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            AssertedLevel asserted,
            AssuranceNames names) {
        AssuranceNotes.recordAsserted(authSession, asserted);
        RequestedLevels.of(authSession)
                .achievedLoa(asserted, names)
                .ifPresent(loa -> new AcrStore(session, authSession).setLevelAuthenticatedToCurrentRequest(loa));
    }
}
