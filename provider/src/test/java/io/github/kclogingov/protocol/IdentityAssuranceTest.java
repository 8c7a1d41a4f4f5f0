package io.github.kclogingov.protocol;

import static io.github.kclogingov.protocol.IdentityAssurance.AUTH_ONLY;
import static io.github.kclogingov.protocol.IdentityAssurance.IALMAX;
import static io.github.kclogingov.protocol.IdentityAssurance.VERIFIED;
import static io.github.kclogingov.protocol.IdentityAssurance.VERIFIED_FACIAL_MATCH_PREFERRED;
import static io.github.kclogingov.protocol.IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import io.github.kclogingov.protocol.IdentityAssurance.Proofing;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityAssuranceTest {

    @Nested
    class Values {
        @Test
        void legacy_aliases_name_the_same_level() {
            assertEquals(Optional.of(AUTH_ONLY), IdentityAssurance.fromValue("http://idmanagement.gov/ns/assurance/loa/1"));
            assertEquals(Optional.of(VERIFIED), IdentityAssurance.fromValue("http://idmanagement.gov/ns/assurance/ial/2"));
            assertEquals(Optional.of(VERIFIED_FACIAL_MATCH_REQUIRED),
                    IdentityAssurance.fromValue("http://idmanagement.gov/ns/assurance/ial/2?bio=required"));
            assertEquals(Optional.empty(), IdentityAssurance.fromValue("urn:acr.login.gov:gold"));
        }

        @Test
        void verified_levels_require_a_proofed_identity() {
            assertFalse(AUTH_ONLY.requiresVerifiedIdentity());
            assertFalse(IALMAX.requiresVerifiedIdentity());
            assertTrue(VERIFIED.requiresVerifiedIdentity());
            assertTrue(VERIFIED_FACIAL_MATCH_PREFERRED.requiresVerifiedIdentity());
        }
    }

    @Nested
    class WhatLoginGovAsserts {
        @Test
        void auth_only_is_asserted_for_everyone() {
            for (Proofing proofing : Proofing.values()) {
                assertEquals(Optional.of(AUTH_ONLY), AUTH_ONLY.assertedFor(proofing));
            }
        }

        @Test
        void facial_match_preferred_is_never_asserted() {
            assertEquals(Optional.of(VERIFIED), VERIFIED_FACIAL_MATCH_PREFERRED.assertedFor(Proofing.VERIFIED));
            assertEquals(Optional.of(VERIFIED_FACIAL_MATCH_REQUIRED),
                    VERIFIED_FACIAL_MATCH_PREFERRED.assertedFor(Proofing.VERIFIED_WITH_FACIAL_MATCH));
        }

        @Test
        void an_unproofed_person_cannot_reach_a_verified_level() {
            assertEquals(Optional.empty(), VERIFIED.assertedFor(Proofing.NONE));
            assertEquals(Optional.empty(), VERIFIED_FACIAL_MATCH_REQUIRED.assertedFor(Proofing.VERIFIED));
        }

        @Test
        void ialmax_gives_verified_only_to_the_proofed() {
            assertEquals(Optional.of(AUTH_ONLY), IALMAX.assertedFor(Proofing.NONE));
            assertEquals(Optional.of(VERIFIED), IALMAX.assertedFor(Proofing.VERIFIED_WITH_FACIAL_MATCH));
        }
    }

    @Nested
    class Satisfaction {
        @Test
        void verified_accepts_either_verified_value() {
            assertTrue(VERIFIED.isSatisfiedBy(VERIFIED));
            assertTrue(VERIFIED.isSatisfiedBy(VERIFIED_FACIAL_MATCH_REQUIRED));
            assertFalse(VERIFIED.isSatisfiedBy(AUTH_ONLY));
        }

        @Test
        void facial_match_required_accepts_only_itself() {
            assertTrue(VERIFIED_FACIAL_MATCH_REQUIRED.isSatisfiedBy(VERIFIED_FACIAL_MATCH_REQUIRED));
            assertFalse(VERIFIED_FACIAL_MATCH_REQUIRED.isSatisfiedBy(VERIFIED));
        }

        @Test
        void auth_only_accepts_anything_login_gov_asserts() {
            assertTrue(AUTH_ONLY.isSatisfiedBy(AUTH_ONLY));
            assertTrue(AUTH_ONLY.isSatisfiedBy(VERIFIED));
            assertFalse(AUTH_ONLY.isSatisfiedBy(VERIFIED_FACIAL_MATCH_PREFERRED));
        }
    }
}
