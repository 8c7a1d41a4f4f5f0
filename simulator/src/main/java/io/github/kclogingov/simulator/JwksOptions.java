package io.github.kclogingov.simulator;

/**
 * What the JWKS publishes besides the two signing keys, and how (members, their order, a kid-less
 * key, a withheld key: variations a legitimate server may make, not Login.gov's own). Unlike faults these stay until changed or
 * {@link #clear cleared}, because a relying party caches the JWKS and may fetch it at any time.
 */
public final class JwksOptions {

    /** Which members each published key carries (RFC 7517 section 4: all but {@code kty} are optional). */
    public enum Members {
        /** As production: {@code kty}, {@code e}, {@code use}, {@code kid}, {@code alg}, {@code n}. */
        USUAL,
        /** {@code kty}, {@code n}, {@code e} and {@code kid} only: no {@code use}, no {@code alg}. */
        MINIMAL,
        /**
         * The usual members and every optional one a server may add: {@code key_ops: ["verify"]}, and a
         * self-signed certificate of the key as {@code x5c}, {@code x5t} and {@code x5t#S256}.
         */
        ALL
    }

    private volatile boolean unknownKeyTypes;
    private volatile boolean singleKey;
    private volatile Members members = Members.USUAL;
    private volatile boolean shuffled;
    private volatile boolean kidlessSingleKey;
    private volatile boolean withoutSigningKey;

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

    /** A variation: which members each key carries. */
    public JwksOptions members(Members chosen) {
        this.members = chosen;
        return this;
    }

    /** A variation: each key's members in a random order, never with {@code kty} first. */
    public JwksOptions shuffleMembers(boolean shuffle) {
        this.shuffled = shuffle;
        return this;
    }

    /**
     * A variation: the primary key only, without {@code kid}; the id_tokens still name their kid
     * unless a fault ({@code NO_KID}) leaves it out.
     */
    public JwksOptions publishKidlessSingleKey(boolean kidless) {
        this.kidlessSingleKey = kidless;
        return this;
    }

    /**
     * A change of key set: the primary key, which still signs the id_tokens, is no longer published
     * (the secondary only): a token it signs is signed by a removed key.
     */
    public JwksOptions withholdSigningKey(boolean withhold) {
        this.withoutSigningKey = withhold;
        return this;
    }

    public Members members() {
        return members;
    }

    public boolean shuffledMembers() {
        return shuffled;
    }

    public boolean kidlessSingleKey() {
        return kidlessSingleKey;
    }

    public boolean withoutSigningKey() {
        return withoutSigningKey;
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
        members = Members.USUAL;
        shuffled = false;
        kidlessSingleKey = false;
        withoutSigningKey = false;
    }
}
