package io.github.kclogingov.broker.signin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Sign-out through Login.gov with Keycloak's own sign-out finished first. The stock broker sends the
 * person to Login.gov's end-session endpoint and ends the Keycloak session only when Login.gov
 * comes back to {@code logout_response}. Login.gov asks every signed-in person to confirm ("Yes,
 * sign out" / "No, go to my account"); a person who declines never comes back, and Keycloak kept a
 * session the application believed ended, which signed the person in again at its next request.
 *
 * <p>So Keycloak's logout is finished before the redirect (session removed, cookies expired,
 * applications logged out), and what it would have answered (the redirect to the application's
 * {@code post_logout_redirect_uri}, or its page) is kept for at most {@link #LIFESPAN_SECONDS}
 * under a random {@code state} sent to Login.gov, whose return to {@code logout_response} gets it.
 * No user session id leaves Keycloak.
 */
public final class KeycloakFirstLogout {

    private static final Logger LOG = Logger.getLogger(KeycloakFirstLogout.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Long enough to read Login.gov's confirmation page; an hour later the application's address is forgotten. */
    static final long LIFESPAN_SECONDS = 3600;
    /** A page bigger than this (none of Keycloak's logout pages is) is shown at once, without Login.gov. */
    static final int MAX_PAGE_CHARS = 64 * 1024;

    static final String KEY_PREFIX = "logingov-logout.";
    static final String LOCATION = "location";
    static final String PAGE = "page";
    static final String MEDIA_TYPE = "type";

    private KeycloakFirstLogout() {}

    /**
     * @param toLoginGov the stock redirect to Login.gov's end-session endpoint; null when the
     *     provider has none, and then Keycloak's logout goes on as usual
     * @return the redirect to Login.gov after Keycloak's logout is finished, Keycloak's own answer
     *     when it cannot be kept, or null to let Keycloak finish
     */
    public static Response logout(
            KeycloakSession session, RealmModel realm, UserSessionModel userSession, Response toLoginGov) {
        if (toLoginGov == null || toLoginGov.getLocation() == null) {
            return toLoginGov;
        }
        Response finished = AuthenticationManager.finishBrowserLogout(
                session,
                realm,
                userSession,
                session.getContext().getUri(),
                session.getContext().getConnection(),
                session.getContext().getRequestHeaders());
        Optional<Map<String, String>> kept = keepable(finished);
        if (kept.isEmpty()) {
            LOG.debugf(
                    "Keycloak's logout answered HTTP %d that cannot be kept; Login.gov is not asked",
                    finished.getStatus());
            return finished;
        }
        String state = newState();
        session.singleUseObjects().put(KEY_PREFIX + state, LIFESPAN_SECONDS, kept.get());
        URI location = UriBuilder.fromUri(toLoginGov.getLocation())
                .replaceQueryParam("state", state)
                .build();
        return Response.status(Response.Status.FOUND).location(location).build();
    }

    /** Login.gov came back to {@code logout_response}: Keycloak's kept answer, once; empty for a state it does not hold. */
    public static Optional<Response> afterLoginGov(KeycloakSession session, String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> kept = session.singleUseObjects().remove(KEY_PREFIX + state);
        if (kept == null) {
            return Optional.empty();
        }
        if (kept.containsKey(LOCATION)) {
            return Optional.of(Response.status(Response.Status.FOUND)
                    .location(URI.create(kept.get(LOCATION)))
                    .build());
        }
        return Optional.of(Response.ok(kept.get(PAGE), kept.get(MEDIA_TYPE)).build());
    }

    /** A redirect (its address) or an HTML page (its text) can be given later; anything else cannot. */
    static Optional<Map<String, String>> keepable(Response finished) {
        Map<String, String> kept = new HashMap<>();
        int status = finished.getStatus();
        if (status >= 300 && status < 400 && finished.getLocation() != null) {
            kept.put(LOCATION, finished.getLocation().toString());
            return Optional.of(kept);
        }
        MediaType type = finished.getMediaType();
        if (status == 200
                && finished.getEntity() instanceof String page
                && page.length() <= MAX_PAGE_CHARS
                && type != null
                && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            kept.put(PAGE, page);
            kept.put(MEDIA_TYPE, type.toString());
            return Optional.of(kept);
        }
        return Optional.empty();
    }

    private static String newState() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
