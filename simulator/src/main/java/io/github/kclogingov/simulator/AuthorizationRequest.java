package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.LoginGovScope;
import java.util.Set;

/**
 * An authorization request that passed every check, waiting for (or given) a persona.
 *
 * @param recordId the id of its {@link RecordedAuthorization}
 * @param redirectUri as the client sent it (it matched a registered one)
 * @param scopes the granted scopes: unknown ones and those the level cannot release are dropped
 * @param codeChallenge the S256 PKCE challenge, or null when none was sent
 */
record AuthorizationRequest(
        String recordId,
        ServiceProvider client,
        String redirectUri,
        String state,
        String nonce,
        AcrValues acrValues,
        Set<LoginGovScope> scopes,
        String codeChallenge) {

    AuthorizationRequest {
        scopes = Set.copyOf(scopes);
    }
}
