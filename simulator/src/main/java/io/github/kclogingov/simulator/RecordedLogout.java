package io.github.kclogingov.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request to the logout endpoint and how it ended; updated in place when the person
 * answers the confirmation page.
 *
 * @param location where the browser was sent, for the redirect outcomes
 * @param error the message of the error page, for {@link Outcome#ERROR_PAGE}
 */
public record RecordedLogout(
        String id, Instant receivedAt, Map<String, String> parameters, Outcome outcome, String location, String error) {

    public enum Outcome {
        ERROR_PAGE,
        /** A Login.gov session, in any mode: "Yes, sign out" / "No" is showing, as production does. */
        CONFIRMATION_SHOWN,
        /** No Login.gov session: redirected at once, as production does. */
        REDIRECTED_WITHOUT_SESSION,
        /** A session, with the confirmation switched off ({@link LogoutConfirmation#NEVER}): redirected at once. */
        REDIRECTED_AUTO_CONFIRMED,
        /** "Yes, sign out": redirected to the post-logout redirect URI. */
        CONFIRMED,
        /** "No, go to my account": never returns to the relying party. */
        DECLINED
    }

    public RecordedLogout {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    RecordedLogout ended(Outcome newOutcome, String newLocation) {
        return new RecordedLogout(id, receivedAt, parameters, newOutcome, newLocation, error);
    }
}
