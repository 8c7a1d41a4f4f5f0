package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.KeycloakVersionDifferences;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.keys.PublicKeyLoader;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Login.gov's signing keys, from its JWKS through Keycloak's node-local key cache: fetched once,
 * refetched on an unknown {@code kid} (or when the cached keys fail a token, {@link #refetch}) at
 * most once per Keycloak's minimum interval, never per request (through {@link KeycloakVersionDifferences}, since Keycloak's own lookup by kid differs
 * between the supported versions). Only keys that {@link SigningKeyFilter} accepts are answered.
 * A fetch is bounded by the provider's timeouts ({@link LoginGovJwksLoader}); one that fails
 * fails the lookup with its own reason (Login.gov unavailable, most often), which the cache would
 * otherwise wrap in a bare {@code RuntimeException}.
 */
public final class LoginGovPublicKeys implements IdTokenValidator.KeyResolver {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OIDCIdentityProviderConfig provider;
    private final PublicKeyLoader loader;

    public LoginGovPublicKeys(
            KeycloakSession session, RealmModel realm, OIDCIdentityProviderConfig provider, UpstreamTimeouts timeouts) {
        this.session = session;
        this.realm = realm;
        this.provider = provider;
        this.loader =
                new LoginGovJwksLoader(session, provider.getJwksUrl(), timeouts, realm.getName(), provider.getAlias());
    }

    @Override
    public PublicKey find(String kid) {
        return SigningKeyFilter.rs256(lookUp(() -> KeycloakVersionDifferences.upstreamKey(
                        session, realm, provider, kid, LoginGovProtocol.SIGNING_ALGORITHM, loader)))
                .orElse(null);
    }

    /**
     * The cached keys as they are, loaded only when the cache has none or they are stale. Not
     * by a null kid: the cache answers a null kid with a refetch every time its interval allows,
     * and with any key of the algorithm. Both lookups share one cached JWKS.
     */
    @Override
    public List<PublicKey> usableKeys() {
        return lookUp(() -> KeycloakVersionDifferences.upstreamKeys(session, realm, provider, loader)).stream()
                .map(SigningKeyFilter::rs256)
                .flatMap(Optional::stream)
                .map(PublicKey.class::cast)
                .toList();
    }

    /** Through the same cache entry, bounded by the same minimum interval as a fetch for an unknown kid. */
    @Override
    public boolean refetch() {
        return lookUp(() -> KeycloakVersionDifferences.refetchUpstreamKeys(session, realm, provider, loader));
    }

    private static <T> T lookUp(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            throw loadFailure(e).orElseThrow(() -> e);
        }
    }

    /** The loader's own failure, however deep the cache wrapped it. */
    static Optional<LoginGovLoginException> loadFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LoginGovLoginException loginGov) {
                return Optional.of(loginGov);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
