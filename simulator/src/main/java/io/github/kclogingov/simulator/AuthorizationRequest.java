package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.LoginGovScope;
import java.util.Set;

/**
 * An authorization request that passed every check, waiting for (or given) a persona.
 *
 * @param recordId the id of its {@link RecordedAuthorization}
 * @param redirectUri as the client sent it (it matched a registered one)
 * @param state the state returned with the answer; null sends none back
 * @param scopes the granted scopes: unknown ones and those the level cannot release are dropped
 * @param codeChallenge the S256 PKCE challenge, or null when none was sent
 * @param freshAuthentication {@code prompt=login} from a client allowed to ask for it: the person
 *     authenticates afresh instead of reusing a sign-in session
 */
record AuthorizationRequest(
        String recordId,
        ServiceProvider client,
        String redirectUri,
        String state,
        String nonce,
        AcrValues acrValues,
        Set<LoginGovScope> scopes,
        String codeChallenge,
        boolean freshAuthentication) {

    AuthorizationRequest {
        scopes = Set.copyOf(scopes);
    }

    /** The same request answered with another state (or none), for the state faults. */
    AuthorizationRequest withState(String returnedState) {
        return new AuthorizationRequest(
                recordId,
                client,
                redirectUri,
                returnedState,
                nonce,
                acrValues,
                scopes,
                codeChallenge,
                freshAuthentication);
    }
}
