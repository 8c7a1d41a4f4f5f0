package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.assurance.AchievedLevel;
import io.github.kclogingov.broker.assurance.AssuranceNames;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.metrics.LevelTags;
import io.github.kclogingov.broker.metrics.SignInMeter;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The end of a sign-in, after Keycloak's first- and post-broker-login flows: the achieved level is
 * recorded ({@link AchievedLevel}) and the sign-in counted as a success, with the level Login.gov
 * asserted; or, when the checked assertion was lost on the way, counted as refused.
 */
public final class SignInCompletion {

    private SignInCompletion() {}

    public static void finish(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            BrokeredIdentityContext context,
            AssuranceNames names,
            String alias) {
        String realm = session.getContext().getRealm().getName();
        LevelTags asked = SignInLevels.asked(context, authSession);
        try {
            AchievedLevel.record(session, authSession, context, names, alias);
        } catch (LoginGovLoginException e) {
            SignInMeter.failed(realm, alias, SignInMeter.Outcome.REFUSED, e.code(), asked);
            throw e;
        }
        LevelTags achieved = AssuranceNotes.carried(context, alias)
                .map(assertion -> SignInLevels.achieved(assertion.level()))
                .orElse(LevelTags.NONE);
        SignInMeter.succeeded(realm, alias, asked, achieved);
    }
}
