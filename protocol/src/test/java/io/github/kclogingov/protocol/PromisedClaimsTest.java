package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromisedClaimsTest {

    @Test
    void openid_alone_promises_the_claims_of_every_answer() {
        assertEquals(Set.of("sub", "iss", "ial", "aal"), PromisedClaims.of("openid", IdentityAssurance.AUTH_ONLY));
    }

    @Test
    void a_verified_answer_promises_every_claim_of_the_scopes_sent() {
        Set<String> promised = PromisedClaims.of(
                "openid email all_emails profile address phone social_security_number x509 locale",
                IdentityAssurance.VERIFIED);
        assertEquals(
                Set.of(
                        "sub",
                        "iss",
                        "ial",
                        "aal",
                        "email",
                        "email_verified",
                        "all_emails",
                        "given_name",
                        "family_name",
                        "birthdate",
                        "verified_at",
                        "address",
                        "phone",
                        "phone_verified",
                        "social_security_number",
                        "x509_subject",
                        "x509_issuer",
                        "x509_presented",
                        "locale"),
                promised);
    }

    @Test
    void an_auth_only_answer_promises_no_verified_attribute_but_verified_at() {
        // IALMAX for a person who is not proofed: Login.gov asserts auth-only and releases no verified attribute.
        Set<String> promised =
                PromisedClaims.of("openid email profile social_security_number", IdentityAssurance.AUTH_ONLY);
        assertTrue(promised.contains("verified_at"));
        assertTrue(promised.contains("email"));
        assertFalse(promised.contains("given_name"));
        assertFalse(promised.contains("social_security_number"));
    }

    @Test
    void unknown_scopes_promise_nothing_more() {
        assertEquals(
                PromisedClaims.of("openid", IdentityAssurance.VERIFIED),
                PromisedClaims.of("openid made-up", IdentityAssurance.VERIFIED));
    }

    @Test
    void the_token_only_claims_are_never_userinfo_claims() {
        for (LoginGovScope scope : LoginGovScope.values()) {
            scope.claims().forEach(claim -> assertFalse(PromisedClaims.ID_TOKEN_ONLY.contains(claim), claim));
        }
        PromisedClaims.ALWAYS.forEach(claim -> assertFalse(PromisedClaims.ID_TOKEN_ONLY.contains(claim), claim));
    }
}
