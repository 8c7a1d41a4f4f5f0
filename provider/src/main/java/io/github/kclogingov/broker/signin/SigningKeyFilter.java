package io.github.kclogingov.broker.signin;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;

/**
 * Which of the keys Keycloak loaded from Login.gov's JWKS may verify an id_token: an RSA key for
 * signatures, for RS256 or for no stated algorithm. Keycloak's loader already drops keys of a
 * type it cannot read and keys marked {@code use=enc}; this filter also drops the EC and OKP keys
 * it keeps, and an RSA key published for another algorithm (RFC 8725 section 3.1: one key, one
 * algorithm).
 */
final class SigningKeyFilter {

    private SigningKeyFilter() {}

    /** The key, if it can verify a Login.gov id_token. */
    static Optional<RSAPublicKey> rs256(KeyWrapper key) {
        if (key == null
                || !KeyType.RSA.equals(key.getType())
                || (key.getUse() != null && key.getUse() != KeyUse.SIG)
                || (key.getAlgorithm() != null && !LoginGovProtocol.SIGNING_ALGORITHM.equals(key.getAlgorithm()))) {
            return Optional.empty();
        }
        return key.getPublicKey() instanceof RSAPublicKey rsa ? Optional.of(rsa) : Optional.empty();
    }
}
