package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import org.junit.jupiter.api.Test;

/** Tests that the id_token's nonce must be the one the sign-in sent. */
class NonceCheckTest {

    static final String SENT = "0f3c4a7e-5b1d-4c2a-9e8f-1a2b3c4d5e6f";

    static String refusal(Object returned, String sent) {
        LoginGovLoginException e = assertThrows(LoginGovLoginException.class, () -> NonceCheck.check(returned, sent));
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        return e.getMessage();
    }

    @Test
    void the_nonce_sent_is_accepted() {
        assertDoesNotThrow(() -> NonceCheck.check(new String(SENT), SENT));
    }

    @Test
    void a_missing_nonce_is_refused() {
        assertEquals("id_token has no nonce", refusal(null, SENT));
    }

    @Test
    void a_missing_nonce_is_refused_even_when_the_session_has_none() {
        assertEquals("id_token has no nonce", refusal(null, null));
    }

    @Test
    void another_nonce_is_refused() {
        assertEquals("id_token nonce does not match the request", refusal("another-nonce", SENT));
    }

    @Test
    void nonces_differing_only_in_case_are_different() {
        assertEquals("id_token nonce does not match the request", refusal(SENT.toUpperCase(), SENT));
    }

    @Test
    void a_nonce_when_the_session_sent_none_is_refused() {
        assertEquals("id_token nonce does not match the request", refusal(SENT, null));
    }

    @Test
    void a_nonce_that_is_not_text_never_matches() {
        assertEquals("id_token nonce does not match the request", refusal(12345, "12345"));
    }
}
