package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.metrics.JwksFetchMeter;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.io.IOException;
import org.keycloak.crypto.PublicKeysWrapper;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.keys.PublicKeyLoader;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JWKSUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Loads Login.gov's JWKS into Keycloak's key cache as Keycloak's own loader for an OpenID Connect
 * provider does (the signing keys, certificates included), but within the provider's timeouts:
 * Keycloak's loader goes through its global HTTP client ({@code HttpClientProvider}), bounded only
 * by {@code spi-connections-http-client-default-socket-timeout-millis} (5 s by default) and
 * {@code ...-establish-connection-timeout-millis} (none by default). Only the sign-in's key lookups
 * use this loader; they share the cache entry with Keycloak's.
 *
 * <p>What a JWK may vary is tolerated as Keycloak's own loader tolerates it ({@code JWKSUtils}):
 * members in any order; {@code use} absent (taken as a signature key: Login.gov's keys say {@code
 * sig}, RFC 7517 makes it optional) while {@code use=enc} keys are dropped; {@code alg}, {@code
 * key_ops}, {@code x5c}, {@code x5t} and {@code x5t#S256} present or absent (the key is read from
 * {@code n} and {@code e}; a certificate is never needed); keys of a type Keycloak cannot read, or
 * that fail to load, skipped. A JWK without {@code kid} is kept with no kid: the key cache never
 * matches it to a token's kid, and {@link IdTokenValidator} uses it for a token without kid only
 * when it is the one usable key ({@link SigningKeyFilter} says which are usable).
 */
final class LoginGovJwksLoader implements PublicKeyLoader {

    /** Login.gov's JWKS (two RSA keys during a rotation) is about a kilobyte. */
    static final int MAX_JWKS_LENGTH = 256 * 1024;

    private final KeycloakSession session;
    private final String jwksUrl;
    private final UpstreamTimeouts timeouts;
    private final String realm;
    private final String alias;

    /** @param realm and {@code alias}: the provider whose fetches {@link JwksFetchMeter} counts */
    LoginGovJwksLoader(KeycloakSession session, String jwksUrl, UpstreamTimeouts timeouts, String realm, String alias) {
        this.session = session;
        this.jwksUrl = jwksUrl;
        this.timeouts = timeouts;
        this.realm = realm;
        this.alias = alias;
    }

    @Override
    public PublicKeysWrapper loadKeys() {
        JwksFetchMeter.Outcome outcome = JwksFetchMeter.Outcome.INVALID;
        try {
            PublicKeysWrapper keys = fetch();
            outcome = JwksFetchMeter.Outcome.SUCCESS;
            return keys;
        } catch (LoginGovUnavailableException e) {
            outcome = JwksFetchMeter.Outcome.UNAVAILABLE;
            throw e;
        } finally {
            JwksFetchMeter.record(realm, alias, outcome);
        }
    }

    private PublicKeysWrapper fetch() {
        String body = UpstreamHttp.getJson(session, jwksUrl, null, Endpoint.JWKS, timeouts, MAX_JWKS_LENGTH);
        JSONWebKeySet jwks;
        try {
            jwks = JsonSerialization.readValue(body, JSONWebKeySet.class);
        } catch (IOException | RuntimeException e) {
            jwks = null;
        }
        if (jwks == null) {
            throw new LoginGovLoginException(FailureCode.JWKS_INVALID, "Login.gov's JWKS is not a JSON Web Key Set");
        }
        return JWKSUtils.getKeyWrappersForUse(jwks, JWK.Use.SIG, true);
    }
}
