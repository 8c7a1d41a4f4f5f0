package io.github.kclogingov.simulator;

import java.time.Instant;

/**
 * One request to the userinfo endpoint and its answer.
 *
 * @param bearerTokenPresent whether an {@code Authorization: Bearer} header was sent
 * @param clientId the client the access token was issued to, when the token was known
 * @param personaId the persona behind the access token, when the token was known
 */
public record RecordedUserinfo(
        Instant receivedAt,
        String method,
        boolean bearerTokenPresent,
        String clientId,
        String personaId,
        int status,
        String error) {}
