package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's achieved level of authentication after Login.gov signed the person in. The stock
 * brokering leaves it at its default (keycloak#25335); here it becomes the realm's level whose
 * Login.gov level the assertion meets, so Keycloak's {@code acr} claim names it.
 */
public final class AchievedLevel {

    private AchievedLevel() {}

    /**
     * Records the assertion the sign-in carried ({@link AssuranceNotes#carry}) in the user session and
     * sets the achieved level for the current request from it.
     *
     * @throws LoginGovLoginException when the checked assertion did not reach the end of the sign-in
     */
    public static void record(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            BrokeredIdentityContext context,
            AssuranceNames names) {
        AssertedLevel asserted = AssuranceNotes.carried(context)
                .orElseThrow(() ->
                        new LoginGovLoginException("the checked Login.gov assurance was lost during the sign-in"));
        AssuranceNotes.recordAsserted(authSession, asserted);
        RequestedLevels.of(authSession)
                .achievedLoa(asserted, names)
                .ifPresent(loa -> new AcrStore(session, authSession).setLevelAuthenticatedToCurrentRequest(loa));
    }
}
