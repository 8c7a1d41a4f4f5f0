package io.github.kclogingov.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Login.gov's identity assurance ("service level", IAL) values. Declaration order is strength
 * order for the levels that can be asserted: auth-only, verified, verified with facial match.
 * {@link #requestStrength()} orders all five as requests.
 *
 * <p>Each level has a semantic value ({@code urn:acr.login.gov:*}, the current form) and the
 * deprecated legacy URIs Login.gov still accepts. What Login.gov asserts back comes in the form
 * of the request: semantic when any semantic value was asked for, otherwise the legacy URI.
 */
public enum IdentityAssurance {
    AUTH_ONLY(
            "urn:acr.login.gov:auth-only",
            "http://idmanagement.gov/ns/assurance/ial/1",
            List.of("http://idmanagement.gov/ns/assurance/ial/1", "http://idmanagement.gov/ns/assurance/loa/1"),
            false),
    VERIFIED(
            "urn:acr.login.gov:verified",
            "http://idmanagement.gov/ns/assurance/ial/2",
            List.of("http://idmanagement.gov/ns/assurance/ial/2", "http://idmanagement.gov/ns/assurance/loa/3"),
            true),
    VERIFIED_FACIAL_MATCH_REQUIRED(
            "urn:acr.login.gov:verified-facial-match-required",
            "http://idmanagement.gov/ns/assurance/ial/2?bio=required",
            List.of("http://idmanagement.gov/ns/assurance/ial/2?bio=required"),
            true),
    /** Never asserted: Login.gov answers {@link #VERIFIED} or {@link #VERIFIED_FACIAL_MATCH_REQUIRED}. */
    VERIFIED_FACIAL_MATCH_PREFERRED(
            "urn:acr.login.gov:verified-facial-match-preferred",
            "http://idmanagement.gov/ns/assurance/ial/2?bio=preferred",
            List.of("http://idmanagement.gov/ns/assurance/ial/2?bio=preferred"),
            true),
    /** "IALMAX": verified data when the user has it, for allow-listed agencies only. No semantic form. */
    IALMAX(
            null,
            "http://idmanagement.gov/ns/assurance/ial/0",
            List.of("http://idmanagement.gov/ns/assurance/ial/0"),
            false);

    private final String semanticValue;
    private final String legacyValue;
    private final List<String> legacyAliases;
    private final boolean requiresVerifiedIdentity;

    IdentityAssurance(
            String semanticValue, String legacyValue, List<String> legacyAliases, boolean requiresVerifiedIdentity) {
        this.semanticValue = semanticValue;
        this.legacyValue = legacyValue;
        this.legacyAliases = legacyAliases;
        this.requiresVerifiedIdentity = requiresVerifiedIdentity;
    }

    /** The {@code urn:acr.login.gov:*} value; empty for {@link #IALMAX}, which has none. */
    public Optional<String> semanticValue() {
        return Optional.ofNullable(semanticValue);
    }

    /** The preferred legacy URI (also the form Login.gov asserts for legacy requests). */
    public String legacyValue() {
        return legacyValue;
    }

    /** The value to send: semantic when asked for and available, else legacy. */
    public String value(AcrForm form) {
        return form == AcrForm.SEMANTIC && semanticValue != null ? semanticValue : legacyValue;
    }

    /** True for the levels that only a proofed (identity-verified) person can reach. */
    public boolean requiresVerifiedIdentity() {
        return requiresVerifiedIdentity;
    }

    /** True where Login.gov releases verified attributes (name, address, ...), possibly. */
    public boolean releasesVerifiedAttributes() {
        return requiresVerifiedIdentity || this == IALMAX;
    }

    /** Finds the level a single acr value names, in either form. */
    public static Optional<IdentityAssurance> fromValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (IdentityAssurance level : values()) {
            if (value.equals(level.semanticValue) || level.legacyAliases.contains(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The form a single acr value is written in. */
    public static AcrForm formOf(String value) {
        return value != null && value.startsWith("urn:acr.login.gov:") ? AcrForm.SEMANTIC : AcrForm.LEGACY;
    }

    /**
     * The level Login.gov asserts when this level was requested by a person with the given proofing.
     *
     * @return empty when the person cannot be signed in at this level without (more) proofing
     */
    public Optional<IdentityAssurance> assertedFor(Proofing proofing) {
        return switch (this) {
            case AUTH_ONLY -> Optional.of(AUTH_ONLY);
            case IALMAX -> Optional.of(proofing == Proofing.NONE ? AUTH_ONLY : VERIFIED);
            case VERIFIED -> proofing == Proofing.NONE ? Optional.empty() : Optional.of(VERIFIED);
            case VERIFIED_FACIAL_MATCH_REQUIRED ->
                proofing == Proofing.VERIFIED_WITH_FACIAL_MATCH
                        ? Optional.of(VERIFIED_FACIAL_MATCH_REQUIRED)
                        : Optional.empty();
            case VERIFIED_FACIAL_MATCH_PREFERRED ->
                switch (proofing) {
                    case NONE -> Optional.empty();
                    case VERIFIED -> Optional.of(VERIFIED);
                    case VERIFIED_WITH_FACIAL_MATCH -> Optional.of(VERIFIED_FACIAL_MATCH_REQUIRED);
                };
        };
    }

    /**
     * Whether an asserted level satisfies this requested level: auth-only accepts anything Login.gov
     * can assert, verified accepts either verified value, facial-match-required only itself.
     */
    public boolean isSatisfiedBy(IdentityAssurance asserted) {
        return switch (this) {
            case AUTH_ONLY, IALMAX ->
                asserted == AUTH_ONLY || asserted == VERIFIED || asserted == VERIFIED_FACIAL_MATCH_REQUIRED;
            case VERIFIED, VERIFIED_FACIAL_MATCH_PREFERRED ->
                asserted == VERIFIED || asserted == VERIFIED_FACIAL_MATCH_REQUIRED;
            case VERIFIED_FACIAL_MATCH_REQUIRED -> asserted == VERIFIED_FACIAL_MATCH_REQUIRED;
        };
    }

    /**
     * How demanding a request for this level is, to combine a floor with a requested level:
     * auth-only, IALMAX (verified data when there is some), verified, facial match preferred (new
     * proofing uses facial match), facial match required.
     */
    public int requestStrength() {
        return switch (this) {
            case AUTH_ONLY -> 0;
            case IALMAX -> 1;
            case VERIFIED -> 2;
            case VERIFIED_FACIAL_MATCH_PREFERRED -> 3;
            case VERIFIED_FACIAL_MATCH_REQUIRED -> 4;
        };
    }

    /** The more demanding of two requested levels. */
    public static IdentityAssurance stronger(IdentityAssurance a, IdentityAssurance b) {
        return a.requestStrength() >= b.requestStrength() ? a : b;
    }

    /** True for the three levels Login.gov can put in {@code acr}: auth-only, verified, facial match required. */
    public boolean isAssertable() {
        return this == AUTH_ONLY || this == VERIFIED || this == VERIFIED_FACIAL_MATCH_REQUIRED;
    }

    /**
     * Reads an asserted {@code acr} strictly: only the spellings Login.gov returns for a request in
     * {@code form} (semantic {@code urn:acr.login.gov:*} or the {@code ial/*} URIs, never
     * {@code loa/*}) and only levels that can be asserted.
     */
    public static Optional<IdentityAssurance> fromAsserted(String value, AcrForm form) {
        if (value == null) {
            return Optional.empty();
        }
        for (IdentityAssurance level : values()) {
            if (level.isAssertable() && value.equals(level.value(form))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** How far a person's identity has been proofed at Login.gov. */
    public enum Proofing {
        NONE,
        VERIFIED,
        VERIFIED_WITH_FACIAL_MATCH
    }
}
