package io.github.kclogingov.simulator;

/**
 * What the JWKS publishes besides the two signing keys. Unlike faults these stay until changed or
 * {@link #clear cleared}, because a relying party caches the JWKS and may fetch it at any time.
 */
public final class JwksOptions {
    private volatile boolean unknownKeyTypes;
    private volatile boolean singleKey;

    JwksOptions() {}

    /**
     * Adds, after the signing keys, entries a relying party must skip: an EC P-256 public key, an
     * {@code OKP} (Ed25519-looking) entry, an entry of the made-up key type {@code XYZ}, and an RSA
     * key with {@code use: enc}.
     */
    public JwksOptions publishUnknownKeyTypes(boolean publish) {
        this.unknownKeyTypes = publish;
        return this;
    }

    /**
     * Publishes the primary key only (no secondary): the one case where a relying party may accept
     * a token without {@code kid}.
     */
    public JwksOptions publishSingleKey(boolean single) {
        this.singleKey = single;
        return this;
    }

    public boolean unknownKeyTypes() {
        return unknownKeyTypes;
    }

    public boolean singleKey() {
        return singleKey;
    }

    /** Back to production's JWKS: primary and secondary RSA signing keys, nothing else. */
    public void clear() {
        unknownKeyTypes = false;
        singleKey = false;
    }
}
