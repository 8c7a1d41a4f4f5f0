package io.github.kclogingov.broker.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.signin.BoundedJson;
import io.github.kclogingov.broker.signin.IdTokenValidator;
import io.github.kclogingov.broker.signin.Rs256Signature;
import io.github.kclogingov.protocol.PushErrorCode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a Security Event Token from Login.gov, cheapest and most hostile-proof first: the
 * compact form, the header ({@link SetHeader}), Login.gov's key from its JWKS through Keycloak's
 * cache and an RS256 signature, then the claims ({@link SetClaims}). Built like {@link
 * IdTokenValidator}: its keys and clock passed in, so a unit test drives every rule without a server.
 */
final class SetVerifier {

    /** NIST SP 800-131A: a shorter RSA key no longer protects a signature. */
    static final int MIN_RSA_KEY_BITS = 2048;

    private final IdTokenValidator.KeyResolver keys;
    private final String expectedIssuer;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Clock clock;

    SetVerifier(
            IdTokenValidator.KeyResolver keys,
            String expectedIssuer,
            Set<String> audiences,
            Duration clockSkew,
            Clock clock) {
        this.keys = keys;
        this.expectedIssuer = expectedIssuer;
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** @throws SetRejected naming the failed rule and its RFC 8935 error code */
    SecurityEvent verify(String token) {
        SetJws jws = SetJws.parse(token);
        JsonNode header = BoundedJson.object(jws.header())
                .orElseThrow(() -> SetRejected.invalidRequest("the header is not a JSON object or exceeds limits"));
        RSAPublicKey key = key(SetHeader.check(header));
        verifySignature(jws, key);
        JsonNode claims = BoundedJson.object(jws.payload())
                .orElseThrow(() -> SetRejected.invalidRequest("the claims are not a JSON object or exceed limits"));
        return new SetClaims(expectedIssuer, audiences, clockSkew, clock.instant()).check(claims);
    }

    /** The key named by {@code kid}; without one, Login.gov's only key (guessing between two is refused). */
    private RSAPublicKey key(Optional<String> kid) {
        PublicKey key;
        if (kid.isPresent()) {
            key = keys.find(kid.get());
            if (key == null) {
                throw new SetRejected(
                        PushErrorCode.INVALID_KEY, "the token is signed with a key Login.gov's JWKS does not list");
            }
        } else {
            List<PublicKey> usable = keys.usableKeys();
            if (usable.size() != 1) {
                throw new SetRejected(
                        PushErrorCode.INVALID_KEY, "the token has no kid and Login.gov's JWKS holds several keys");
            }
            key = usable.get(0);
        }
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_KEY_BITS) {
            throw new SetRejected(PushErrorCode.INVALID_KEY, "Login.gov's key is not an RSA key of at least 2048 bits");
        }
        return rsa;
    }

    private static void verifySignature(SetJws jws, RSAPublicKey key) {
        boolean valid;
        try {
            valid = Rs256Signature.verifies(jws.signingInput(), jws.signature(), key);
        } catch (GeneralSecurityException e) {
            throw new SetRejected(PushErrorCode.AUTHENTICATION_FAILED, "the signature could not be verified");
        }
        if (!valid) {
            throw new SetRejected(PushErrorCode.AUTHENTICATION_FAILED, "the signature does not verify");
        }
    }
}
