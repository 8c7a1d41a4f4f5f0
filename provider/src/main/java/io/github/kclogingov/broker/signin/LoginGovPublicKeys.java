package io.github.kclogingov.broker.signin;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.security.PublicKey;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.loader.PublicKeyStorageManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Login.gov's signing keys, from its JWKS through Keycloak's node-local key cache: fetched once,
 * refetched on an unknown {@code kid} at most once per Keycloak's minimum interval, never per
 * request.
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
        KeyWrapper key = PublicKeyStorageManager.getIdentityProviderKeyWrapper(
                session, realm, provider, kid, LoginGovProtocol.SIGNING_ALGORITHM);
        return key != null && key.getPublicKey() instanceof PublicKey publicKey ? publicKey : null;
    }
}
