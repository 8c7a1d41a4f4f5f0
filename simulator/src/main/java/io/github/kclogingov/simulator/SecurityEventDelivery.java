package io.github.kclogingov.simulator;

import java.time.Instant;

/**
 * One security event pushed to a service provider, as the simulator sent it and as the push URL
 * answered.
 *
 * @param clientId the service provider
 * @param pushUrl where it was sent
 * @param eventType the event's short name, e.g. {@code account-disabled}
 * @param personaId whom it is about
 * @param jti the token's {@code jti}, the same on every attempt
 * @param token the signed token sent
 * @param attempts how many times it was sent: 1, or up to 3 after network failures
 * @param status the push URL's HTTP status, or -1 when every attempt failed at the network level
 * @param body the answer's body, cut at 1000 characters (a 400 carries {@code err} and {@code description})
 * @param sentAt when the first attempt started, on the simulator's clock
 */
public record SecurityEventDelivery(
        String clientId,
        String pushUrl,
        String eventType,
        String personaId,
        String jti,
        String token,
        int attempts,
        int status,
        String body,
        Instant sentAt) {

    /** Login.gov counts any 2xx answer as delivered. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
