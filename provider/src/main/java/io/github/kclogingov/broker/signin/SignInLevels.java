package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.metrics.LevelTags;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The levels a sign-in's meter is tagged with, read without ever failing the sign-in. */
public final class SignInLevels {

    private SignInLevels() {}

    /** The level sent to Login.gov, or none when the sign-in ended before one was sent. */
    public static LevelTags asked(AuthenticationSessionModel authSession) {
        return AssuranceNotes.requestedIfRecorded(authSession)
                .map(sent -> LevelTags.of(sent.ial(), sent.aal()))
                .orElse(LevelTags.NONE);
    }

    /**
     * At the end of the sign-in: the level carried with the checked answer, as the first-broker-login
     * flow clears the authentication session's notes; the recorded one otherwise.
     */
    public static LevelTags asked(BrokeredIdentityContext context, AuthenticationSessionModel authSession) {
        return AssuranceNotes.carriedRequested(context)
                .map(sent -> LevelTags.of(sent.ial(), sent.aal()))
                .orElseGet(() -> asked(authSession));
    }

    public static LevelTags achieved(AssertedLevel asserted) {
        return LevelTags.of(asserted.ial(), asserted.aal());
    }
}
