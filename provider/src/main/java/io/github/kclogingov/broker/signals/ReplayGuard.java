package io.github.kclogingov.broker.signals;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Login.gov retries a push that timed out with the same token, so one event can arrive twice, or on
 * two nodes of a cluster at once. Keycloak's single-use store is cluster-wide: the first delivery of
 * a {@code jti} claims it until the token expires (plus the clock skew), every later one is
 * acknowledged without acting again.
 */
final class ReplayGuard {

    private final KeycloakSession session;
    private final String key;
    private final long lifespanSeconds;

    ReplayGuard(
            KeycloakSession session,
            RealmModel realm,
            String alias,
            SecurityEvent event,
            long nowSeconds,
            long skewSeconds) {
        this.session = session;
        this.key = "logingov-security-event:" + realm.getId() + ":" + alias + ":" + event.jti();
        this.lifespanSeconds = Math.max(1, event.expiresAt() - nowSeconds + skewSeconds);
    }

    /** True for the first delivery of this token, which must act on it. */
    boolean claim() {
        return session.singleUseObjects().putIfAbsent(key, lifespanSeconds);
    }

    /** Gives the token back after its handling failed, so that a retry can act on it. */
    void release() {
        session.singleUseObjects().remove(key);
    }
}
