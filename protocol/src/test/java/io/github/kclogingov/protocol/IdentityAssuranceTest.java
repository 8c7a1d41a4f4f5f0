package io.github.kclogingov.protocol;

import static io.github.kclogingov.protocol.IdentityAssurance.AUTH_ONLY;
import static io.github.kclogingov.protocol.IdentityAssurance.IALMAX;
import static io.github.kclogingov.protocol.IdentityAssurance.VERIFIED;
import static io.github.kclogingov.protocol.IdentityAssurance.VERIFIED_FACIAL_MATCH_PREFERRED;
import static io.github.kclogingov.protocol.IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.IdentityAssurance.Proofing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityAssuranceTest {

    @Nested
    class Values {
        @Test
        void legacy_aliases_name_the_same_level() {
            assertEquals(
                    Optional.of(AUTH_ONLY), IdentityAssurance.fromValue("http://idmanagement.gov/ns/assurance/loa/1"));
            assertEquals(
                    Optional.of(VERIFIED), IdentityAssurance.fromValue("http://idmanagement.gov/ns/assurance/ial/2"));
            assertEquals(
                    Optional.of(VERIFIED_FACIAL_MATCH_REQUIRED),
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
            assertEquals(
                    Optional.of(VERIFIED_FACIAL_MATCH_REQUIRED),
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

    @Nested
    class ReadingAnAssertedAcr {
        @Test
        void only_the_spelling_of_the_request_form_is_read() {
            assertEquals(
                    Optional.of(VERIFIED),
                    IdentityAssurance.fromAsserted("urn:acr.login.gov:verified", AcrForm.SEMANTIC));
            assertEquals(
                    Optional.of(VERIFIED),
                    IdentityAssurance.fromAsserted("http://idmanagement.gov/ns/assurance/ial/2", AcrForm.LEGACY));
            assertEquals(
                    Optional.empty(),
                    IdentityAssurance.fromAsserted("http://idmanagement.gov/ns/assurance/ial/2", AcrForm.SEMANTIC));
            assertEquals(
                    Optional.empty(), IdentityAssurance.fromAsserted("urn:acr.login.gov:verified", AcrForm.LEGACY));
        }

        @Test
        void every_assertable_level_is_read_in_both_forms() {
            for (IdentityAssurance level : List.of(AUTH_ONLY, VERIFIED, VERIFIED_FACIAL_MATCH_REQUIRED)) {
                for (AcrForm form : AcrForm.values()) {
                    assertEquals(Optional.of(level), IdentityAssurance.fromAsserted(level.value(form), form));
                }
            }
        }

        @Test
        void loa_aliases_are_never_read() {
            assertEquals(
                    Optional.empty(),
                    IdentityAssurance.fromAsserted("http://idmanagement.gov/ns/assurance/loa/1", AcrForm.LEGACY));
            assertEquals(
                    Optional.empty(),
                    IdentityAssurance.fromAsserted("http://idmanagement.gov/ns/assurance/loa/3", AcrForm.LEGACY));
        }

        @Test
        void levels_login_gov_never_asserts_are_not_read() {
            for (AcrForm form : AcrForm.values()) {
                assertEquals(
                        Optional.empty(),
                        IdentityAssurance.fromAsserted(VERIFIED_FACIAL_MATCH_PREFERRED.value(form), form));
                assertEquals(Optional.empty(), IdentityAssurance.fromAsserted(IALMAX.value(form), form));
                assertEquals(Optional.empty(), IdentityAssurance.fromAsserted(null, form));
            }
        }
    }

    @Nested
    class RequestStrength {
        @Test
        void requests_are_ordered_auth_only_ialmax_verified_preferred_required() {
            List<IdentityAssurance> weakestFirst = List.of(
                    AUTH_ONLY, IALMAX, VERIFIED, VERIFIED_FACIAL_MATCH_PREFERRED, VERIFIED_FACIAL_MATCH_REQUIRED);
            for (int i = 1; i < weakestFirst.size(); i++) {
                assertTrue(
                        weakestFirst.get(i - 1).requestStrength()
                                < weakestFirst.get(i).requestStrength(),
                        weakestFirst.get(i - 1) + " < " + weakestFirst.get(i));
            }
        }

        @Test
        void the_more_demanding_request_wins_either_way_round() {
            assertEquals(IALMAX, IdentityAssurance.stronger(AUTH_ONLY, IALMAX));
            assertEquals(IALMAX, IdentityAssurance.stronger(IALMAX, AUTH_ONLY));
            assertEquals(VERIFIED, IdentityAssurance.stronger(IALMAX, VERIFIED));
            assertEquals(
                    VERIFIED_FACIAL_MATCH_PREFERRED,
                    IdentityAssurance.stronger(VERIFIED_FACIAL_MATCH_PREFERRED, VERIFIED));
            assertEquals(
                    VERIFIED_FACIAL_MATCH_REQUIRED,
                    IdentityAssurance.stronger(VERIFIED_FACIAL_MATCH_PREFERRED, VERIFIED_FACIAL_MATCH_REQUIRED));
            assertEquals(VERIFIED, IdentityAssurance.stronger(VERIFIED, VERIFIED));
        }
    }

    @Nested
    class Spelling {
        @Test
        void ialmax_is_sent_legacy_even_in_the_semantic_form() {
            assertEquals("http://idmanagement.gov/ns/assurance/ial/0", IALMAX.value(AcrForm.SEMANTIC));
            assertEquals(Optional.empty(), IALMAX.semanticValue());
        }
    }
}
