package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.KeycloakVersionDifferences;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Login.gov's signing keys, from its JWKS through Keycloak's node-local key cache: fetched once,
 * refetched on an unknown {@code kid} at most once per Keycloak's minimum interval, never per
 * request (through {@link KeycloakVersionDifferences}, since Keycloak's own lookup by kid differs
 * between the supported versions). Only keys that {@link SigningKeyFilter} accepts are answered.
 */
public final class LoginGovPublicKeys implements IdTokenValidator.KeyResolver {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OIDCIdentityProviderConfig provider;

    public LoginGovPublicKeys(KeycloakSession session, RealmModel realm, OIDCIdentityProviderConfig provider) {
        this.session = session;
        this.realm = realm;
        this.provider = provider;
    }

    @Override
    public PublicKey find(String kid) {
        return SigningKeyFilter.rs256(KeycloakVersionDifferences.upstreamKey(
                        session, realm, provider, kid, LoginGovProtocol.SIGNING_ALGORITHM))
                .orElse(null);
    }

    /**
     * The cached keys as they are, loaded only when the cache has none or they are stale. Not
     * by a null kid: the cache answers a null kid with a refetch every time its interval allows,
     * and with any key of the algorithm. Both lookups share one cached JWKS.
     */
    @Override
    public List<PublicKey> usableKeys() {
        return KeycloakVersionDifferences.upstreamKeys(session, realm, provider).stream()
                .map(SigningKeyFilter::rs256)
                .flatMap(Optional::stream)
                .map(PublicKey.class::cast)
                .toList();
    }
}
