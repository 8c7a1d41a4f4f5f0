package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingSignInTest {

    @Test
    void the_code_challenge_is_rfc_7636_s256_of_the_verifier() {
        // RFC 7636 appendix B's example.
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                PendingSignIn.codeChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void state_nonce_and_verifier_are_fresh_random_and_distinct() {
        PendingSignIn first = PendingSignIn.start(null, Instant.now());
        PendingSignIn second = PendingSignIn.start(null, Instant.now());
        assertNotEquals(first.state(), second.state());
        assertNotEquals(first.nonce(), second.nonce());
        assertNotEquals(first.codeVerifier(), second.codeVerifier());
        assertNotEquals(first.state(), first.nonce());
        assertEquals(43, first.codeVerifier().length(), "PKCE wants 43 to 128 characters");
        assertTrue(first.codeVerifier().matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void printing_it_shows_no_secret() {
        PendingSignIn signIn = PendingSignIn.start("verified", Instant.now());
        String printed = signIn.toString();
        assertFalse(printed.contains(signIn.state())
                || printed.contains(signIn.nonce())
                || printed.contains(signIn.codeVerifier()));
    }
}
