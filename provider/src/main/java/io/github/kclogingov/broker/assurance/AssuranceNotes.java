package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.broker.common.FailureCode;
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

    /** User session note: the alias of the Login.gov provider whose answer the IAL and AAL notes hold. */
    static final String ASSERTED_BY_NOTE = "logingov_asserted_by";

    /** User session note: when Login.gov asserted them (its {@code auth_time} when released), in epoch seconds. */
    static final String ASSERTED_AT_NOTE = "logingov_asserted_at";

    /** Authentication session note: the acr_values sent to Login.gov, to check its answer against. */
    static final String REQUESTED_ACR_NOTE = "LOGINGOV_REQUESTED_ACR";

    /** Authentication session note: during a step-up, the level the session already has (as acr values). */
    static final String SESSION_LEVEL_NOTE = "LOGINGOV_SESSION_LEVEL";

    /** Brokered-identity context data carrying the checked assertion (plain strings: the context is serialized). */
    static final String ASSERTED_IAL_DATA = "logingov.asserted_ial";

    static final String ASSERTED_AAL_DATA = "logingov.asserted_aal";

    static final String ASSERTED_AT_DATA = "logingov.asserted_at";

    static final String REQUESTED_DATA = "logingov.requested";

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
            throw new LoginGovLoginException(
                    FailureCode.SESSION_STATE, "no Login.gov request is recorded for this sign-in");
        }
        return readOwnNote(sent);
    }

    /** The acr_values this sign-in sent, if recorded and readable: for what must not fail, such as a meter. */
    public static Optional<AcrValues> requestedIfRecorded(AuthenticationSessionModel authSession) {
        String sent = authSession == null ? null : authSession.getAuthNote(REQUESTED_ACR_NOTE);
        try {
            return sent == null ? Optional.empty() : Optional.of(AcrValues.parse(sent));
        } catch (AcrValues.InvalidAcrValuesException e) {
            return Optional.empty();
        }
    }

    /** Before a step-up: the level the person's session already has, which the new request must keep. */
    public static void recordSessionLevel(AuthenticationSessionModel authSession, AssertedLevel sessionLevel) {
        authSession.setAuthNote(SESSION_LEVEL_NOTE, sessionLevel.asRequest().toParameter());
    }

    /** During a step-up, the level the session already has; empty for a first sign-in. */
    public static Optional<AcrValues> sessionLevel(AuthenticationSessionModel authSession) {
        return Optional.ofNullable(authSession.getAuthNote(SESSION_LEVEL_NOTE)).map(AssuranceNotes::readOwnNote);
    }

    /** Records what Login.gov asserted, through which provider and when, in the user session the sign-in creates or raises. */
    public static void recordAsserted(AuthenticationSessionModel authSession, RecordedAssertion assertion) {
        authSession.setUserSessionNote(IAL_NOTE, assertion.level().ialValue());
        authSession.setUserSessionNote(AAL_NOTE, assertion.level().aalValue());
        authSession.setUserSessionNote(ASSERTED_BY_NOTE, assertion.alias());
        authSession.setUserSessionNote(ASSERTED_AT_NOTE, Long.toString(assertion.assertedAt()));
    }

    /**
     * What Login.gov asserted for a user session, through which provider and when; empty for a
     * session Login.gov did not sign in, or whose notes are incomplete (written by an older version:
     * such a session is treated as not signed in by Login.gov, so it gets no level it cannot prove).
     */
    public static Optional<RecordedAssertion> asserted(UserSessionModel userSession) {
        String alias = userSession.getNote(ASSERTED_BY_NOTE);
        Optional<Long> assertedAt = epochSeconds(userSession.getNote(ASSERTED_AT_NOTE));
        if (alias == null || assertedAt.isEmpty()) {
            return Optional.empty();
        }
        return AssertedLevel.restore(userSession.getNote(IAL_NOTE), userSession.getNote(AAL_NOTE))
                .map(level -> new RecordedAssertion(level, alias, assertedAt.get()));
    }

    private static Optional<Long> epochSeconds(String note) {
        try {
            return note == null ? Optional.empty() : Optional.of(Long.parseLong(note));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Carries the checked assertion from the token step to the end of the sign-in, past the broker-login flows. */
    public static void carry(BrokeredIdentityContext identity, AssertedLevel asserted, long assertedAt) {
        identity.getContextData().put(ASSERTED_IAL_DATA, asserted.ialValue());
        identity.getContextData().put(ASSERTED_AAL_DATA, asserted.aalValue());
        identity.getContextData().put(ASSERTED_AT_DATA, Long.toString(assertedAt));
    }

    /**
     * Carries the level asked for to the end of the sign-in too: Keycloak's first-broker-login flow
     * clears the authentication session's notes, where it was recorded.
     */
    public static void carryRequested(BrokeredIdentityContext identity, AcrValues requested) {
        identity.getContextData().put(REQUESTED_DATA, requested.toParameter());
    }

    /** The level {@link #carryRequested} carried, if any and readable. */
    public static Optional<AcrValues> carriedRequested(BrokeredIdentityContext identity) {
        Object sent = identity.getContextData().get(REQUESTED_DATA);
        try {
            return sent == null ? Optional.empty() : Optional.of(AcrValues.parse(sent.toString()));
        } catch (AcrValues.InvalidAcrValuesException e) {
            return Optional.empty();
        }
    }

    /** The assertion {@link #carry} put in the sign-in's context, as the provider {@code alias} recorded it; empty when it was lost. */
    public static Optional<RecordedAssertion> carried(BrokeredIdentityContext identity, String alias) {
        Object ial = identity.getContextData().get(ASSERTED_IAL_DATA);
        Object aal = identity.getContextData().get(ASSERTED_AAL_DATA);
        Object at = identity.getContextData().get(ASSERTED_AT_DATA);
        Optional<Long> assertedAt = epochSeconds(at == null ? null : at.toString());
        return AssertedLevel.restore(ial == null ? null : ial.toString(), aal == null ? null : aal.toString())
                .flatMap(level -> assertedAt.map(time -> new RecordedAssertion(level, alias, time)));
    }

    /** Reads acr values this provider wrote into the authentication session itself. */
    private static AcrValues readOwnNote(String acrValues) {
        try {
            return AcrValues.parse(acrValues);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new LoginGovLoginException(FailureCode.SESSION_STATE, "the recorded Login.gov request is unreadable");
        }
    }
}
