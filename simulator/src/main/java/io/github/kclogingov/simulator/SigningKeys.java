package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
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
 * {@link #rotate} makes a fresh primary and keeps the old one as secondary. Also holds the keys the
 * faults sign with, which are never published.
 */
final class SigningKeys {
    private static final int KEY_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Replaced as a whole, so a reader never sees a primary from one rotation and a secondary from another. */
    private record Published(RSAKey primary, RSAKey secondary) {}

    private volatile Published published;
    private RSAKey unpublished;
    private SelfSignedKey attacker;

    private SigningKeys(RSAKey primary, RSAKey secondary) {
        this.published = new Published(primary, secondary);
    }

    /** RSA key generation takes up to a second; the two keys are made in parallel. */
    static SigningKeys generate() {
        CompletableFuture<RSAKey> secondary = CompletableFuture.supplyAsync(SigningKeys::newKey);
        return new SigningKeys(newKey(), secondary.join());
    }

    /** The key every id_token is signed with. */
    RSAKey primary() {
        return published.primary();
    }

    RSAKey secondary() {
        return published.secondary();
    }

    /** Both published keys, private parts included: primary first, then secondary. */
    List<RSAKey> published() {
        Published current = published;
        return List.of(current.primary(), current.secondary());
    }

    /** A fresh key becomes the primary; the old primary stays published as secondary; the old secondary is dropped. */
    synchronized void rotate() {
        published = new Published(newKey(), published.primary());
    }

    /** A key the JWKS never lists, for {@link IdTokenFault#SIGNED_BY_UNKNOWN_KEY}; made on first use. */
    synchronized RSAKey unpublished() {
        if (unpublished == null) {
            unpublished = newKey();
        }
        return unpublished;
    }

    /**
     * The attacker's key and self-signed certificate, never published, for the faults that name a
     * key in the token's header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}); made on first use.
     */
    synchronized SelfSignedKey attacker() {
        if (attacker == null) {
            attacker = SelfSignedKey.generate("CN=attacker");
        }
        return attacker;
    }

    static RSAKey newKey() {
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
    static String opaqueKeyId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
