package io.github.kclogingov.protocol;

/**
 * The error codes a push URL answers a refused Security Event Token with (RFC 8935 section 2.3),
 * in a {@code 400} body {@code {"err": code, "description": text}}. Login.gov logs the answer and
 * never retries it.
 */
public enum PushErrorCode {
    /** The request or the SET is malformed (type, size, header, claims, events). */
    INVALID_REQUEST("invalid_request"),
    /** The key that signed the SET is unknown or unacceptable. */
    INVALID_KEY("invalid_key"),
    /** The SET's {@code iss} is not the issuer this URL receives from. */
    INVALID_ISSUER("invalid_issuer"),
    /** The SET's {@code aud} is neither this URL nor the client_id. */
    INVALID_AUDIENCE("invalid_audience"),
    /** The SET's signature does not verify. */
    AUTHENTICATION_FAILED("authentication_failed"),
    /** The SET is authentic but not accepted here. */
    ACCESS_DENIED("access_denied");

    private final String code;

    PushErrorCode(String code) {
        this.code = code;
    }

    /** The code as sent in {@code err}. */
    public String code() {
        return code;
    }
}
