package io.github.kclogingov.broker.keys;

import static io.github.kclogingov.broker.keys.TestKeys.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;

class ClientAssertionKeyCheckTest {

    private static List<String> problems(KeyWrapper key) {
        return ClientAssertionKeyCheck.problems(key.getKid(), List.of(key), NOW);
    }

    private static void assertOneProblem(KeyWrapper key, String expected) {
        List<String> problems = problems(key);
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertNamesTheField(problems.get(0));
        assertTrue(problems.get(0).contains(expected), problems.get(0));
    }

    private static void assertNamesTheField(String problem) {
        assertTrue(problem.startsWith("Client assertion key ID: "), problem);
    }

    @Test
    void a_passive_rs256_signing_key_with_a_valid_certificate_fits() {
        assertEquals(List.of(), problems(TestKeys.passiveRsa("logingov")));
    }

    @Nested
    class Refused {

        @Test
        void a_kid_the_realm_does_not_have() {
            List<String> problems = ClientAssertionKeyCheck.problems("typo", List.of(), NOW);
            assertEquals(1, problems.size());
            assertNamesTheField(problems.get(0));
            assertTrue(problems.get(0).contains("no key with kid 'typo'"), problems.get(0));
            assertTrue(problems.get(0).contains("leave the field empty to have a key generated"), problems.get(0));
        }

        @Test
        void a_kid_two_keys_share() {
            List<String> problems = ClientAssertionKeyCheck.problems(
                    "twice", List.of(TestKeys.passiveRsa("twice"), TestKeys.passiveRsa("twice")), NOW);
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("2 keys of this realm have the kid 'twice'"), problems.get(0));
        }

        @Test
        void a_disabled_key() {
            KeyWrapper key = TestKeys.passiveRsa("off");
            key.setStatus(KeyStatus.DISABLED);
            assertOneProblem(key, "is disabled");
        }

        @Test
        void the_realm_active_key() {
            KeyWrapper key = TestKeys.passiveRsa("active");
            key.setStatus(KeyStatus.ACTIVE);
            assertOneProblem(key, "is active, so it also signs Keycloak's own tokens");
        }

        @Test
        void an_ec_key() {
            List<String> problems = problems(TestKeys.ec("ec"));
            // EC and ES256: two problems, both reported.
            assertEquals(2, problems.size(), () -> "problems: " + problems);
            assertTrue(problems.get(0).contains("is a EC key; Login.gov accepts only RSA"), problems.get(0));
            assertTrue(problems.get(1).contains("is for ES256; Login.gov accepts only RS256"), problems.get(1));
        }

        @Test
        void an_rsa_key_below_2048_bits() {
            KeyWrapper key = TestKeys.rsa("small", TestKeys.rsaPair(1024), NOW.plus(Duration.ofDays(365)));
            assertOneProblem(key, "has 1024 bits; Login.gov requires at least 2048");
        }

        @Test
        void an_rsa_key_for_another_algorithm() {
            KeyWrapper key = TestKeys.passiveRsa("ps256");
            key.setAlgorithm("PS256");
            assertOneProblem(key, "is for PS256; Login.gov accepts only RS256. Set its provider's Algorithm to RS256");
        }

        @Test
        void an_encryption_key() {
            KeyWrapper key = TestKeys.passiveRsa("enc");
            key.setUse(KeyUse.ENC);
            assertOneProblem(key, "is an encryption key");
        }

        @Test
        void a_key_without_its_private_key() {
            KeyWrapper key = TestKeys.passiveRsa("public-only");
            key.setPrivateKey(null);
            assertOneProblem(key, "has no private key");
        }

        @Test
        void a_key_without_a_certificate() {
            KeyWrapper key = TestKeys.passiveRsa("no-cert");
            key.setCertificate(null);
            assertOneProblem(key, "has no certificate, which the Login.gov partner portal needs");
        }

        @Test
        void an_expired_certificate() {
            KeyWrapper key = TestKeys.rsa("expired", TestKeys.rsa2048(), NOW.minus(Duration.ofDays(1)));
            assertOneProblem(key, "has a certificate that expired on 2026-05-31");
        }

        @Test
        void a_certificate_expiring_this_very_second() {
            KeyWrapper key = TestKeys.rsa("now", TestKeys.rsa2048(), NOW);
            assertOneProblem(key, "expired on");
        }

        @Test
        void every_problem_of_one_key_at_once() {
            KeyWrapper key = TestKeys.rsa("bad", TestKeys.rsa2048(), NOW.minus(Duration.ofDays(1)));
            key.setStatus(KeyStatus.ACTIVE);
            key.setAlgorithm("RS512");
            List<String> problems = problems(key);
            assertEquals(3, problems.size(), () -> "problems: " + problems);
            problems.forEach(ClientAssertionKeyCheckTest::assertNamesTheField);
        }
    }

    @Nested
    class ExpiringSoon {

        @Test
        void a_certificate_expiring_within_30_days_is_accepted_with_a_warning() {
            Instant notAfter = NOW.plus(Duration.ofDays(29));
            KeyWrapper key = TestKeys.rsa("soon", TestKeys.rsa2048(), notAfter);
            assertEquals(List.of(), problems(key), "accepted");
            assertEquals(
                    Optional.of(notAfter.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                    ClientAssertionKeyCheck.warnIfExpiringSoon("logingov", key, NOW));
        }

        @Test
        void a_certificate_valid_for_longer_is_not_warned_about() {
            KeyWrapper key = TestKeys.rsa("later", TestKeys.rsa2048(), NOW.plus(Duration.ofDays(31)));
            assertEquals(Optional.empty(), ClientAssertionKeyCheck.warnIfExpiringSoon("logingov", key, NOW));
        }

        @Test
        void an_expired_certificate_is_refused_not_warned_about() {
            KeyWrapper key = TestKeys.rsa("expired", TestKeys.rsa2048(), NOW.minus(Duration.ofDays(1)));
            assertEquals(Optional.empty(), ClientAssertionKeyCheck.warnIfExpiringSoon("logingov", key, NOW));
        }
    }
}
