package io.github.kclogingov.simulator;

/**
 * A one-shot misbehaviour of the next valid authorization request. Apart from the fault the answer
 * is what production sends, so a relying party has exactly one reason to refuse it.
 */
public enum AuthorizationFault {
    /** The person pressed "Cancel": {@code redirect_uri?error=access_denied&state=...}. */
    CANCEL,
    /**
     * {@code redirect_uri?error=invalid_request&error_description=...&state=...} with the request's
     * state and a description of {@link #HOSTILE_DESCRIPTION}: markup, then CR LF and a header line
     * (URL-encoded in the redirect, so it arrives as text once decoded).
     */
    ERROR_WITH_HOSTILE_DESCRIPTION,
    /** A real sign-in and a valid code, but the state returned is another valid-looking one (22+ characters). */
    WRONG_STATE,
    /** A real sign-in and a valid code, but no {@code state} parameter. */
    MISSING_STATE;

    /** What {@link #ERROR_WITH_HOSTILE_DESCRIPTION} sends as {@code error_description}. */
    public static final String HOSTILE_DESCRIPTION = "<script>alert(1)</script>\r\nSet-Cookie: injected=1";
}
