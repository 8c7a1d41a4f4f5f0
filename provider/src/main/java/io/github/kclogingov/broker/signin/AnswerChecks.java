package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.Optional;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What Login.gov's answer must pass beyond its id_token's own checks, in the same step, so that a
 * failure is an ordinary failed sign-in with an event and a page. In two stages: before userinfo
 * is called, that the id_token belongs to this sign-in (its nonce) and to this access token (its
 * {@code at_hash}), so no userinfo call follows a token that is not ours; after it, that the level
 * asserted meets the level asked for and that a demanded re-authentication happened. The accepted
 * assertion travels with the sign-in to its end.
 */
public final class AnswerChecks {

    private AnswerChecks() {}

    /** @throws io.github.kclogingov.broker.common.LoginGovLoginException naming the first check that failed */
    public static void beforeUserinfo(
            JsonWebToken idToken, String accessToken, AuthenticationSessionModel authSession) {
        NonceCheck.check(
                idToken.getOtherClaims().get(LoginGovClaims.NONCE),
                authSession == null ? null : authSession.getClientNote(NonceCheck.BROKER_NONCE_NOTE));
        AccessTokenHash.check(idToken.getOtherClaims().get(AccessTokenHash.AT_HASH), accessToken);
    }

    /**
     * @param now the current time in epoch seconds
     * @param clockSkew the seconds of clock difference tolerated with Login.gov
     * @throws io.github.kclogingov.broker.common.LoginGovLoginException naming the first check that failed
     */
    public static void afterUserinfo(
            BrokeredIdentityContext identity, AuthenticationSessionModel authSession, long now, long clockSkew) {
        JsonWebToken idToken = (JsonWebToken) identity.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
        AcrValues requested = AssuranceNotes.requested(authSession);
        AssertedLevel asserted = AssuranceCheck.check(
                requested, idToken, (JsonNode) identity.getContextData().get(OIDCIdentityProvider.USER_INFO));
        Optional<Long> authTime = Reauthentication.check(authSession, idToken, now, clockSkew);
        // Keycloak's auth_time becomes Login.gov's when released (Keycloak reads this client note).
        authTime.ifPresent(
                time -> authSession.setClientNote(AuthenticationManager.AUTH_TIME_BROKER, Long.toString(time)));
        AssuranceNotes.carry(identity, asserted, authTime.orElse(now));
        AssuranceNotes.carryRequested(identity, requested);
    }
}
