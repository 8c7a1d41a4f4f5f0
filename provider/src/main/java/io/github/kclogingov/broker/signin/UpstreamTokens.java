package io.github.kclogingov.broker.signin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;

/**
 * Login.gov's tokens end with the sign-in: the id_token holds every attribute released (the full
 * SSN among them) and the access token is a live bearer credential for userinfo, so neither is kept
 * in a user session, a federated identity, an event or a log. Logout does not need them
 * (Login.gov's logout takes the client_id). Keycloak's ways of handing out a stored upstream token
 * (the broker token endpoint, token exchange) answer this refusal.
 */
public final class UpstreamTokens {

    public static final String NOT_KEPT =
            "Login.gov's tokens are not kept by this broker: they hold personal data and a live credential";

    private UpstreamTokens() {}

    /** HTTP 400 with an OAuth error body, and the event (when there is one) failed with the reason. */
    public static Response refusal(EventBuilder event) {
        if (event != null) {
            event.detail(Details.REASON, NOT_KEPT).error(Errors.INVALID_REQUEST);
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_request", "error_description", NOT_KEPT))
                .build();
    }
}
