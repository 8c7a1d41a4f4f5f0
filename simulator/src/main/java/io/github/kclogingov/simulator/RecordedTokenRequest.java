package io.github.kclogingov.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request to the token endpoint and its answer.
 *
 * @param parameters every form field as received
 * @param clientAssertion the raw {@code client_assertion}, or null
 * @param assertionHeader the assertion's decoded JOSE header (alg, kid, ...), or null when it was not a JWT
 * @param assertionClaims the assertion's decoded claims, or null when it was not a JWT
 * @param verifiedByCertificate the index of the registered certificate whose key verified the
 *     assertion, or null when none did (or none was tried)
 * @param clientId the client the code was issued to, when the code was known
 * @param error the {@code error} text answered, or null on success
 * @param issuedAccessToken the access token answered, or null on an error
 * @param issuedIdToken the id_token answered (faults included), or null on an error
 */
public record RecordedTokenRequest(
        Instant receivedAt,
        Map<String, String> parameters,
        String clientAssertion,
        Map<String, Object> assertionHeader,
        Map<String, Object> assertionClaims,
        Integer verifiedByCertificate,
        String clientId,
        int status,
        String error,
        String issuedAccessToken,
        String issuedIdToken) {

    public RecordedTokenRequest {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }
}
