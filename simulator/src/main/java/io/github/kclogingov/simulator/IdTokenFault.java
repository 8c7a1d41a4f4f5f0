package io.github.kclogingov.simulator;

/**
 * A one-shot defect (or harmless variation) in the next id_token, each one a check a relying party
 * must make. Everything else about the token stays correct, so a test sees exactly one reason to
 * refuse it. "The attacker key" is an RSA-2048 key the JWKS never lists.
 */
public enum IdTokenFault {
    /** One byte of the RS256 signature is changed. */
    TAMPERED_SIGNATURE,
    /** {@code iss} names another provider. */
    WRONG_ISSUER,
    /** {@code aud} is an array holding the client_id and a second audience. */
    EXTRA_AUDIENCE,
    MISSING_IAT,
    MISSING_EXP,
    /** {@code iat} (and {@code nbf}) one hour ahead. */
    IAT_IN_FUTURE,
    /** {@code nonce} is not the one sent at authorize. */
    WRONG_NONCE,
    /** Signed with an RSA key (and {@code kid}) the JWKS does not list. */
    SIGNED_BY_UNKNOWN_KEY,
    /** Algorithm confusion: HS256 with the primary public key (its PEM text) as the HMAC secret. */
    HS256,
    /** An unsecured token as nimbus writes it: header {@code {"typ":"JWT","alg":"none"}}, empty signature. */
    NONE_ALG,
    /** Unsecured: header {@code {"alg":"none","kid":<primary kid>}}, empty signature. */
    ALG_NONE_LOWER,
    /** Unsecured: header {@code {"alg":"None","kid":<primary kid>}}, empty signature. */
    ALG_NONE_CAPITALISED,
    /** Unsecured: header {@code {"alg":"NONE","kid":<primary kid>}}, empty signature. */
    ALG_NONE_UPPER,
    /** Unsecured: header {@code {"alg":"nOnE","kid":<primary kid>}}, empty signature. */
    ALG_NONE_MIXED,
    /** RS256 by the attacker key, its public key embedded as {@code jwk}, {@code kid} = the primary's. */
    JWK_HEADER,
    /** RS256 by the attacker key, {@code jku} = {@link IdTokenSigner#ATTACKER_JKU}, {@code kid} = the primary's. */
    JKU_HEADER,
    /** RS256 by the attacker key, {@code x5u} = {@link IdTokenSigner#ATTACKER_X5U}, {@code kid} = the primary's. */
    X5U_HEADER,
    /**
     * RS256 by the attacker key, {@code x5c} = its self-signed certificate ({@code CN=attacker}),
     * {@code kid} = the primary's.
     */
    X5C_HEADER,
    /** Validly signed by the primary key, with {@code crit: ["exp-ext"]} and an {@code exp-ext} member. */
    CRIT_HEADER,
    /** Validly signed by the primary key, with {@code typ: "secevent+jwt"}. */
    TYP_OTHER,
    /** No {@code iss} claim. */
    MISSING_ISSUER,
    /** {@code iss} is the empty string. */
    EMPTY_ISSUER,
    /** {@code aud} is a single other audience (a string). */
    WRONG_AUDIENCE,
    /** No {@code aud} claim. */
    MISSING_AUDIENCE,
    /**
     * {@code exp} 60 s ago, {@code iat} and {@code nbf} 120 s ago: expired well beyond a 10 s clock
     * skew, while the issue time stays recent.
     */
    EXPIRED,
    /** {@code iat} and {@code nbf} one day ago; {@code exp} still 900 s ahead. */
    IAT_FAR_PAST,
    /** {@code nbf} one hour ahead; {@code iat} now. */
    NBF_IN_FUTURE,
    /** No {@code nonce} claim. */
    MISSING_NONCE,
    /** {@code at_hash} of another string than the access token. */
    AT_HASH_MISMATCH,
    /** Validly signed, with an extra claim {@code padding} of 2 MiB of text. */
    OVERSIZED,
    /** Validly signed, with an extra claim {@code nested}: arrays nested 100000 deep. */
    DEEPLY_NESTED,
    /** Harmless: valid RS256 by the primary key with no {@code kid} header. */
    NO_KID,
    /** Harmless: {@code aud} is {@code [client_id]}, a one-element array. */
    AUDIENCE_ONE_ELEMENT_ARRAY,
    /** Validly signed, {@code verified_at} is the JSON number {@code 1e999999999} (added when not released). */
    HOSTILE_VERIFIED_AT,
    /** Validly signed, {@code given_name} is 1 MiB long (added when not released). */
    LONG_STRING_CLAIM,
    /**
     * No {@code aal} in the id_token nor in the userinfo answer of its access token; harmless when
     * no AAL was requested.
     */
    MISSING_AAL,
    /**
     * {@code auth_time} one day in the past, in the id_token and the userinfo answer of its access
     * token, released even to a client not allowed to re-authenticate.
     */
    STALE_AUTH_TIME
}
