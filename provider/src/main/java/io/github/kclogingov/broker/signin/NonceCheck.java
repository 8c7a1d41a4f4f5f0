package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;

/**
 * The id_token's {@code nonce} must be the one this sign-in sent. The stock broker checks it later,
 * in a step whose failure shows a bare JSON error; checking it with the other token rules makes a
 * wrong nonce an ordinary failed sign-in with an event and a page.
 */
public final class NonceCheck {

    /** Where Keycloak keeps the nonce it sent (a client note) and the one it read (context data); private in the parent. */
    public static final String BROKER_NONCE_NOTE = "BROKER_NONCE";

    private NonceCheck() {}

    /**
     * @param returned the id_token's nonce as Keycloak read it, or null
     * @param sent the nonce this sign-in sent, or null when the session has none
     */
    public static void check(Object returned, String sent) {
        if (returned == null) {
            throw new LoginGovLoginException(FailureCode.NONCE_MISMATCH, "id_token has no nonce");
        }
        if (sent == null || !sent.equals(returned)) {
            throw new LoginGovLoginException(FailureCode.NONCE_MISMATCH, "id_token nonce does not match the request");
        }
    }
}
