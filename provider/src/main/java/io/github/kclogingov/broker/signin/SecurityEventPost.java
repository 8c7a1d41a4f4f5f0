package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import io.github.kclogingov.protocol.PartnerSecurityEvents;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.keycloak.models.KeycloakSession;

/**
 * A Security Event Token sent to Login.gov's security events endpoint, as a sign-in's calls are
 * sent ({@link UpstreamCall}): Keycloak's HTTP client, the provider's timeouts, a deadline for the
 * whole call, and the call meter (endpoint {@code security_events}).
 */
public final class SecurityEventPost {

    /** Login.gov's answer is empty or a short JSON error; anything longer is not read. */
    static final int MAX_ANSWER_BYTES = 16 * 1024;

    /** What Login.gov answered. */
    public record Answer(int status, String contentType, String body) {}

    private SecurityEventPost() {}

    /**
     * @throws LoginGovBusyException when Login.gov answers HTTP 429
     * @throws LoginGovUnavailableException when no answer came in time, or at all
     * @throws io.github.kclogingov.broker.common.LoginGovLoginException when the answer is too long
     */
    public static Answer post(KeycloakSession session, String url, String token, UpstreamTimeouts timeouts) {
        HttpPost request = new HttpPost(url);
        request.setHeader("Accept", "application/json");
        // The media type alone, no charset parameter: the token is ASCII (base64url and dots).
        request.setEntity(new StringEntity(token, ContentType.create(PartnerSecurityEvents.MEDIA_TYPE)));
        UpstreamCall.Answer answer = UpstreamCall.send(
                UpstreamHttp.client(session), request, Endpoint.SECURITY_EVENTS, timeouts, MAX_ANSWER_BYTES);
        return new Answer(answer.status(), answer.contentType(), answer.body());
    }
}
