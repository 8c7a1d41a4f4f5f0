package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The simulator's id_token keys, new at every start, so no relying party can hard-code one. Like
 * production during a rotation the JWKS lists a primary and a secondary key; only the primary signs.
 */
final class SigningKeys {
    private static final int KEY_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAKey primary;
    private final RSAKey secondary;
    private volatile RSAKey unpublished;

    private SigningKeys(RSAKey primary, RSAKey secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    /** RSA key generation takes up to a second; the two keys are made in parallel. */
    static SigningKeys generate() {
        CompletableFuture<RSAKey> secondary = CompletableFuture.supplyAsync(SigningKeys::newKey);
        return new SigningKeys(newKey(), secondary.join());
    }

    /** The key every id_token is signed with. */
    RSAKey primary() {
        return primary;
    }

    RSAKey secondary() {
        return secondary;
    }

    /** The public JWKS: primary first, then secondary. */
    JWKSet publicJwks() {
        return new JWKSet(List.of(primary.toPublicJWK(), secondary.toPublicJWK()));
    }

    /** A key the JWKS never lists, for {@link IdTokenFault#SIGNED_BY_UNKNOWN_KEY}; made on first use. */
    RSAKey unpublished() {
        RSAKey key = unpublished;
        if (key == null) {
            synchronized (this) {
                if (unpublished == null) {
                    unpublished = newKey();
                }
                key = unpublished;
            }
        }
        return key;
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyID(opaqueKeyId())
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    /** Production's kid is opaque; a random one keeps relying parties from reading meaning into it. */
    private static String opaqueKeyId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
