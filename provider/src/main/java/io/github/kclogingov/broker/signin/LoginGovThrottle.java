package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * Which Login.gov providers are waiting out a {@code Retry-After}, on this Keycloak node: until the
 * time passes, a new sign-in through the provider is not sent to Login.gov and ends on the page
 * saying Login.gov is busy. Node-local on purpose (a few entries in memory, nothing to replicate):
 * in a cluster, each node learns of the throttle from its own first 429, which is at most one more
 * call per node. Keyed by the realm and the provider's internal id, which no rename changes.
 */
public final class LoginGovThrottle {

    /** Until when, and which endpoint asked for it. */
    public record Hold(Instant until, Endpoint endpoint) {

        /** Why a sign-in at {@code now} was not sent to Login.gov: the event's and the log's reason. */
        public String reason(Instant now) {
            return "Login.gov is busy: its " + endpoint + " answered HTTP 429 (Too Many Requests);"
                    + " this sign-in was not sent to Login.gov, which sign-ins through it leave alone for "
                    + Math.max(1, Duration.between(now, until).toSeconds()) + " s more (Retry-After)";
        }
    }

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    private LoginGovThrottle() {}

    /** Login.gov answered 429 at {@code now}: the provider waits as {@code busy} says (the later hold wins). */
    public static void hold(String providerId, LoginGovBusyException busy, Instant now) {
        Hold hold = new Hold(now.plus(busy.waitTime()), busy.endpoint());
        HOLDS.merge(providerId, hold, (old, fresh) -> fresh.until().isAfter(old.until()) ? fresh : old);
    }

    /** The hold on {@code providerId} at {@code now}, if one has not passed yet. */
    public static Optional<Hold> active(String providerId, Instant now) {
        Hold hold = HOLDS.get(providerId);
        if (hold == null) {
            return Optional.empty();
        }
        if (!now.isBefore(hold.until())) {
            HOLDS.remove(providerId, hold);
            return Optional.empty();
        }
        return Optional.of(hold);
    }

    /**
     * The key of a provider here: its realm and its internal id, which no rename changes (realms
     * imported from one export share their providers' internal ids, hence the realm).
     */
    public static String key(RealmModel realm, IdentityProviderModel config) {
        return realm.getId() + "/" + (config.getInternalId() != null ? config.getInternalId() : config.getAlias());
    }

    /**
     * Where a sign-in goes instead of Login.gov while its provider is held: the provider's own
     * endpoint, as if Login.gov had answered {@code temporarily_unavailable}, so the callback shows
     * the busy page and records the event as for any other answer.
     */
    public static URI detour(AuthenticationRequest request) {
        return UriBuilder.fromUri(request.getRedirectUri())
                .queryParam(OAuth2Constants.STATE, request.getState().getEncoded())
                .queryParam(OAuth2Constants.ERROR, LoginGovCallback.TEMPORARILY_UNAVAILABLE)
                .build();
    }

    /** For tests: forget every hold. */
    static void clear() {
        HOLDS.clear();
    }
}
