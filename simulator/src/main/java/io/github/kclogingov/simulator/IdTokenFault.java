package io.github.kclogingov.simulator;

/**
 * A one-shot defect in the next id_token, each one a check a relying party must make. Everything
 * else about the token stays correct, so a test sees exactly one reason to refuse it.
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
    /** An unsecured token: {@code alg: none} and an empty signature. */
    NONE_ALG
}
