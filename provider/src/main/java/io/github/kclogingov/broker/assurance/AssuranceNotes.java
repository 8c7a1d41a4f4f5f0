package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.AcrValues;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Where a sign-in keeps its Login.gov levels between requests, as session notes holding only
 * Login.gov's public acr constants: what was sent, what a step-up starts from, and what Login.gov
 * asserted. The notes are written and read here only, so each one has a single spelling.
 */
public final class AssuranceNotes {

    /** User session notes holding what Login.gov asserted, as returned; a "User Session Note" mapper puts them in tokens. */
    public static final String IAL_NOTE = "logingov_ial";

    public static final String AAL_NOTE = "logingov_aal";

    /** Authentication session note: the acr_values sent to Login.gov, to check its answer against. */
    static final String REQUESTED_ACR_NOTE = "LOGINGOV_REQUESTED_ACR";

    /** Authentication session note: during a step-up, the level the session already has (as acr values). */
    static final String SESSION_LEVEL_NOTE = "LOGINGOV_SESSION_LEVEL";

    /** Brokered-identity context data carrying the checked assertion (plain strings: the context is serialized). */
    static final String ASSERTED_IAL_DATA = "logingov.asserted_ial";

    static final String ASSERTED_AAL_DATA = "logingov.asserted_aal";

    private AssuranceNotes() {}

    public static void recordRequested(AuthenticationSessionModel authSession, AcrValues sent) {
        authSession.setAuthNote(REQUESTED_ACR_NOTE, sent.toParameter());
    }

    /**
     * The acr_values this sign-in sent to Login.gov.
     *
     * @throws LoginGovLoginException when none is recorded: the answer belongs to no request of ours
     */
    public static AcrValues requested(AuthenticationSessionModel authSession) {
        String sent = authSession == null ? null : authSession.getAuthNote(REQUESTED_ACR_NOTE);
        if (sent == null) {
            throw new LoginGovLoginException("no Login.gov request is recorded for this sign-in");
        }
        return readOwnNote(sent);
    }

    /** Before a step-up: the level the person's session already has, which the new request must keep. */
    public static void recordSessionLevel(AuthenticationSessionModel authSession, AssertedLevel sessionLevel) {
        authSession.setAuthNote(SESSION_LEVEL_NOTE, sessionLevel.asRequest().toParameter());
    }

    /** During a step-up, the level the session already has; empty for a first sign-in. */
    public static Optional<AcrValues> sessionLevel(AuthenticationSessionModel authSession) {
        return Optional.ofNullable(authSession.getAuthNote(SESSION_LEVEL_NOTE)).map(AssuranceNotes::readOwnNote);
    }

    /** Records what Login.gov asserted in the user session the sign-in creates or raises. */
    public static void recordAsserted(AuthenticationSessionModel authSession, AssertedLevel asserted) {
        authSession.setUserSessionNote(IAL_NOTE, asserted.ialValue());
        authSession.setUserSessionNote(AAL_NOTE, asserted.aalValue());
    }

    /** What Login.gov asserted for a user session; empty for a session Login.gov did not sign in. */
    public static Optional<AssertedLevel> asserted(UserSessionModel userSession) {
        return AssertedLevel.restore(userSession.getNote(IAL_NOTE), userSession.getNote(AAL_NOTE));
    }

    /** Carries the checked assertion from the token step to the end of the sign-in, past the broker-login flows. */
    public static void carry(BrokeredIdentityContext identity, AssertedLevel asserted) {
        identity.getContextData().put(ASSERTED_IAL_DATA, asserted.ialValue());
        identity.getContextData().put(ASSERTED_AAL_DATA, asserted.aalValue());
    }

    /** The assertion {@link #carry} put in the sign-in's context; empty when it was lost. */
    public static Optional<AssertedLevel> carried(BrokeredIdentityContext identity) {
        Object ial = identity.getContextData().get(ASSERTED_IAL_DATA);
        Object aal = identity.getContextData().get(ASSERTED_AAL_DATA);
        return AssertedLevel.restore(ial == null ? null : ial.toString(), aal == null ? null : aal.toString());
    }

    /** Reads acr values this provider wrote into the authentication session itself. */
    private static AcrValues readOwnNote(String acrValues) {
        try {
            return AcrValues.parse(acrValues);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new LoginGovLoginException("the recorded Login.gov request is unreadable");
        }
    }
}
