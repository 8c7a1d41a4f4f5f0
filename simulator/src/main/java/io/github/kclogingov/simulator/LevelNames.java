package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.IdentityAssurance.Proofing;

/**
 * Login.gov's levels and a persona's proofing in words, for the simulator's pages. They stay here
 * rather than in the protocol module because they are the simulator's wording for people reading
 * its pages, not names Login.gov's protocol defines.
 */
final class LevelNames {

    private LevelNames() {}

    static String of(IdentityAssurance level) {
        return switch (level) {
            case AUTH_ONLY -> "Authentication only";
            case VERIFIED -> "Identity verified";
            case VERIFIED_FACIAL_MATCH_REQUIRED -> "Identity verified with facial match";
            case VERIFIED_FACIAL_MATCH_PREFERRED -> "Identity verified, facial match preferred";
            case IALMAX -> "IALMAX: verified data if the person has it";
        };
    }

    static String of(AuthenticationAssurance level) {
        return switch (level) {
            case DEFAULT -> "Multi-factor authentication (Login.gov's default; a remembered device is allowed)";
            case AAL2 -> "AAL2: multi-factor authentication every time";
            case PHISHING_RESISTANT -> "Phishing-resistant MFA";
            case PIV_CAC -> "PIV/CAC";
        };
    }

    static String of(Proofing proofing) {
        return switch (proofing) {
            case NONE -> "Identity not verified";
            case VERIFIED -> "Identity verified";
            case VERIFIED_WITH_FACIAL_MATCH -> "Identity verified with facial match";
        };
    }

    /** What the person has not done that the level needs, to follow "Casey has not ...". */
    static String missingFor(IdentityAssurance level) {
        return level == IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED
                ? "verified their identity with a facial match"
                : "verified their identity";
    }
}
