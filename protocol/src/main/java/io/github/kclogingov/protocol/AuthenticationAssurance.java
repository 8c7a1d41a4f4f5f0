package io.github.kclogingov.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Login.gov's authentication assurance (AAL) values. There is no strict AAL1: {@code aal/1} is
 * not a value Login.gov knows. The {@code aal} claim echoes what was requested, not what was
 * enforced, so it can only be compared with the request.
 */
public enum AuthenticationAssurance {
    /** Multi-factor, with a remembered device allowed for up to 30 days. Login.gov's default. */
    DEFAULT("urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo", List.of()),
    /** Multi-factor every time, no remembered device. */
    AAL2("http://idmanagement.gov/ns/assurance/aal/2", List.of()),
    /** WebAuthn or PIV/CAC. */
    PHISHING_RESISTANT(
            "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true",
            List.of("http://idmanagement.gov/ns/assurance/aal/3")),
    /** PIV/CAC only. */
    PIV_CAC(
            "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true",
            List.of("http://idmanagement.gov/ns/assurance/aal/3?hspd12=true"));

    private final String value;
    private final List<String> legacyAliases;

    AuthenticationAssurance(String value, List<String> legacyAliases) {
        this.value = value;
        this.legacyAliases = legacyAliases;
    }

    public String value() {
        return value;
    }

    /** Deprecated spellings of this level that Login.gov still accepts. */
    public List<String> legacyAliases() {
        return legacyAliases;
    }

    public boolean isLegacyAlias(String candidate) {
        return legacyAliases.contains(candidate);
    }

    /**
     * Whether a sign-in at {@code asserted} meets this level. Declaration order is strength order:
     * every time MFA meets the default, phishing-resistant meets both, PIV/CAC (itself phishing
     * resistant) meets all.
     */
    public boolean isSatisfiedBy(AuthenticationAssurance asserted) {
        return asserted != null && asserted.ordinal() >= ordinal();
    }

    /** The more demanding of two levels; null stands for "none asked" and loses to any level. */
    public static AuthenticationAssurance stronger(AuthenticationAssurance a, AuthenticationAssurance b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public static Optional<AuthenticationAssurance> fromValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AuthenticationAssurance level : values()) {
            if (level.value.equals(value) || level.legacyAliases.contains(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
