package io.github.kclogingov.broker.common;

/**
 * Why a Login.gov sign-in failed, as a short code from a fixed set: the {@code reason} tag of the
 * sign-in meter, where free text (a reason naming a claim or a status) would make a new series per
 * message. The reason text still goes to the event and the log line; the code only groups it.
 */
public enum FailureCode {
    // Refused: Login.gov answered, and the answer or the request cannot be accepted.
    /** The id_token is malformed, badly signed, expired, for another audience or issuer. */
    ID_TOKEN_INVALID("id_token_invalid"),
    NONCE_MISMATCH("nonce_mismatch"),
    AT_HASH_MISMATCH("at_hash_mismatch"),
    /** The level Login.gov asserted is not the one asked for, or its claims disagree. */
    ASSURANCE_MISMATCH("assurance_mismatch"),
    /** The userinfo answer is not a bounded JSON object for the same subject. */
    USERINFO_INVALID("userinfo_invalid"),
    /** A back-channel answer with an unexpected status, empty, or too long. */
    ANSWER_INVALID("answer_invalid"),
    JWKS_INVALID("jwks_invalid"),
    /** The token endpoint answered an error (typically {@code invalid_grant} or {@code invalid_client}). */
    TOKEN_REFUSED("token_refused"),
    /** Login.gov redirected back with an error other than a cancel (typically {@code invalid_request}). */
    LOGIN_GOV_ERROR("login_gov_error"),
    /** No usable key to sign the client assertion. */
    CLIENT_ASSERTION_KEY("client_assertion_key"),
    /** The provider's settings cannot work. */
    CONFIGURATION("configuration"),
    /** The application asked for a level the provider does not permit, or Keycloak's request is unusable. */
    REQUEST_NOT_PERMITTED("request_not_permitted"),
    /** What this sign-in recorded in its sessions is missing or unreadable. */
    SESSION_STATE("session_state"),
    /** The application demanded a re-authentication Login.gov's {@code auth_time} does not prove. */
    REAUTHENTICATION_NOT_PROVEN("reauthentication_not_proven"),
    /** A passive request ({@code prompt=none}), which Login.gov cannot answer without a page. */
    PASSIVE_REQUEST("passive_request"),
    /**
     * Login.gov answered a step-up or re-authentication of a signed-in session for another account
     * than the one signed in ({@code signin.SignedInAccount}).
     */
    ANOTHER_ACCOUNT("another_account"),
    /** One of Keycloak's own broker checks. */
    KEYCLOAK_CHECK("keycloak_check"),
    UNEXPECTED("unexpected"),

    // Unavailable: Login.gov could not be used at all.
    TIMEOUT("timeout"),
    UNREACHABLE("unreachable"),
    SERVER_ERROR("server_error"),
    NOT_JSON("not_json"),
    /** HTTP 429, or new sign-ins waiting out Login.gov's {@code Retry-After}. */
    THROTTLED("throttled"),
    /** Login.gov redirected back with {@code temporarily_unavailable}. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

    private final String code;

    FailureCode(String code) {
        this.code = code;
    }

    /** The tag value. */
    public String code() {
        return code;
    }
}
