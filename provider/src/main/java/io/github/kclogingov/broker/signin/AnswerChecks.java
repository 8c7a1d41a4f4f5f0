package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What Login.gov's answer must pass beyond its id_token's own checks, in the same step, so that a
 * failure is an ordinary failed sign-in with an event and a page: the nonce this sign-in sent, and
 * the level it asked for. The accepted assertion travels with the sign-in to its end.
 */
public final class AnswerChecks {

    private AnswerChecks() {}

    /** @throws io.github.kclogingov.broker.common.LoginGovLoginException naming the first check that failed */
    public static void check(BrokeredIdentityContext identity, AuthenticationSessionModel authSession) {
        NonceCheck.check(
                identity.getContextData().get(NonceCheck.BROKER_NONCE_NOTE),
                authSession == null ? null : authSession.getClientNote(NonceCheck.BROKER_NONCE_NOTE));
        AssertedLevel asserted = AssuranceCheck.check(
                AssuranceNotes.requested(authSession),
                (JsonWebToken) identity.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN),
                (JsonNode) identity.getContextData().get(OIDCIdentityProvider.USER_INFO));
        AssuranceNotes.carry(identity, asserted);
    }
}
