package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.time.Instant;
import java.util.Map;

/**
 * One request to the authorize endpoint and how it ended. In interactive mode the record is
 * updated in place when the person picks a persona or cancels.
 *
 * @param parameters every query parameter as received (the first of repeated ones)
 * @param personaId who was signed in, when someone was
 * @param code the authorization code issued, for {@link Outcome#REDIRECTED_WITH_CODE}
 * @param location where the browser was sent, for the redirect outcomes
 */
public record RecordedAuthorization(
        String id,
        Instant receivedAt,
        Map<String, String> parameters,
        Outcome outcome,
        String personaId,
        String code,
        String error,
        String errorDescription,
        String location) {

    public enum Outcome {
        /** Unknown client or unregistered redirect URI: an HTML page, no redirect. */
        ERROR_PAGE,
        /** {@code error=invalid_request} or {@code error=access_denied} sent to the redirect URI. */
        REDIRECTED_WITH_ERROR,
        REDIRECTED_WITH_CODE,
        /** Interactive mode: the persona picker is showing. */
        AWAITING_PERSONA
    }

    public RecordedAuthorization {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** The {@code locale} asked for, when it is one Login.gov offers; else null. */
    public String locale() {
        String locale = parameters.get("locale");
        return LoginGovProtocol.LOCALES.contains(locale) ? locale : null;
    }

    RecordedAuthorization ended(
            Outcome newOutcome,
            String newPersonaId,
            String newCode,
            String newError,
            String newErrorDescription,
            String newLocation) {
        return new RecordedAuthorization(
                id,
                receivedAt,
                parameters,
                newOutcome,
                newPersonaId,
                newCode,
                newError,
                newErrorDescription,
                newLocation);
    }
}
