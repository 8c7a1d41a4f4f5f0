package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance.Proofing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The built-in personas. Every value is fictional on its face: example.com addresses, 555-01xx
 * phone numbers, and social security numbers in the 900 range, which the SSA never issues.
 */
final class DefaultPersonas {

    static final Persona AUTH_ONLY = new Persona(
            "auth-only",
            "Casey Authonly",
            "Signs in with MFA only, so gets the auth-only level and no verified attributes.",
            Proofing.NONE,
            "casey.authonly@example.com",
            List.of("casey.authonly@example.com", "casey.second@example.org"),
            "en",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false);

    static final Persona VERIFIED = new Persona(
            "verified",
            "Jordan Verified",
            "IAL2 without facial match: the usual verified person.",
            Proofing.VERIFIED,
            "jordan.verified@example.com",
            List.of("jordan.verified@example.com", "jordan.v@example.org"),
            "en",
            "Jordan",
            "Verified",
            LocalDate.of(1985, 4, 12),
            new PostalAddress("123 Fictional Avenue\nApartment 4", "Testville", "MD", "20999"),
            "+12025550143",
            "900123456",
            Instant.parse("2024-03-01T15:30:00Z"),
            null,
            null,
            false);

    static final Persona FACIAL_MATCH = new Persona(
            "facial-match",
            "Riley Facematch",
            "The only persona that satisfies every level.",
            Proofing.VERIFIED_WITH_FACIAL_MATCH,
            "riley.facematch@example.com",
            List.of("riley.facematch@example.com"),
            "es",
            "Riley",
            "Facematch",
            LocalDate.of(1992, 11, 3),
            new PostalAddress("9 Sample Road", "Exampleburg", "VA", "22999"),
            "+12025550178",
            "900654321",
            Instant.parse("2025-01-15T10:00:00Z"),
            null,
            null,
            false);

    static final Persona PIV_CAC = new Persona(
            "piv-cac",
            "Morgan Pivcac",
            "Signs in with a PIV/CAC card, so the x509 claims are set.",
            Proofing.VERIFIED,
            "morgan.pivcac@example.gov",
            List.of("morgan.pivcac@example.gov"),
            "en",
            "Morgan",
            "Pivcac",
            LocalDate.of(1978, 7, 21),
            new PostalAddress("500 Placeholder Plaza", "Demoville", "DC", "20099"),
            "+12025550121",
            "900777888",
            Instant.parse("2023-09-09T09:09:09Z"),
            "C=US, O=U.S. Government, OU=Example Agency, CN=MORGAN.PIVCAC.9000000001",
            "C=US, O=U.S. Government, OU=Example PKI, CN=Example Agency Test CA",
            true);

    static final List<Persona> ALL = List.of(AUTH_ONLY, VERIFIED, FACIAL_MATCH, PIV_CAC);

    private DefaultPersonas() {}
}
