package io.github.kclogingov.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The RISC security events Login.gov pushes to a service provider, by the URI that names each one
 * in a Security Event Token's {@code events} claim. Two namespaces: OpenID's RISC profile and
 * Login.gov's own.
 */
public enum SecurityEventType {
    /** Login.gov staff suspended the account (payload also has {@code "reason": "account-suspension"}). */
    ACCOUNT_DISABLED(SecurityEventType.RISC + "account-disabled", SubjectKind.ACCOUNT),
    /** The account was reinstated. */
    ACCOUNT_ENABLED(SecurityEventType.RISC + "account-enabled", SubjectKind.ACCOUNT),
    /** The account was deleted; a new account later gets a new {@code sub}. */
    ACCOUNT_PURGED(SecurityEventType.RISC + "account-purged", SubjectKind.ACCOUNT),
    /** Too many failed MFA attempts locked the account. */
    MFA_LIMIT_ACCOUNT_LOCKED(SecurityEventType.LOGIN_GOV + "mfa-limit-account-locked", SubjectKind.ACCOUNT),
    /** The person started "forgot password". */
    RECOVERY_ACTIVATED(SecurityEventType.RISC + "recovery-activated", SubjectKind.ACCOUNT),
    /** A password reset completed, or the password was changed. */
    PASSWORD_RESET(SecurityEventType.LOGIN_GOV + "password-reset", SubjectKind.ACCOUNT),
    /** An MFA method or an email address was added or removed. */
    RECOVERY_INFORMATION_CHANGED(SecurityEventType.RISC + "recovery-information-changed", SubjectKind.ACCOUNT),
    /** A person with a verified profile verified their identity again. */
    REPROOF_COMPLETED(SecurityEventType.LOGIN_GOV + "reproof-completed", SubjectKind.ACCOUNT),
    /** An email was confirmed; its subject is an email address. Removed from the docs, still sent. */
    IDENTIFIER_CHANGED(SecurityEventType.RISC + "identifier-changed", SubjectKind.EMAIL),
    /** An email was deleted; its subject is an email address. Removed from the docs, still sent. */
    IDENTIFIER_RECYCLED(SecurityEventType.RISC + "identifier-recycled", SubjectKind.EMAIL);

    /** What a type's subject names: a Login.gov account ({@code iss} and {@code sub}) or an email address. */
    public enum SubjectKind {
        ACCOUNT,
        EMAIL
    }

    private static final String RISC = "https://schemas.openid.net/secevent/risc/event-type/";
    private static final String LOGIN_GOV = "https://schemas.login.gov/secevent/risc/event-type/";

    private final String uri;
    private final SubjectKind subjectKind;

    SecurityEventType(String uri, SubjectKind subjectKind) {
        this.uri = uri;
        this.subjectKind = subjectKind;
    }

    /** The URI that names this event in the {@code events} claim. */
    public String uri() {
        return uri;
    }

    /** The last segment of the URI, e.g. {@code account-disabled}: the name used in settings, events and logs. */
    public String shortName() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    public SubjectKind subjectKind() {
        return subjectKind;
    }

    /** The type named by {@code uri}, compared exactly; empty for any other URI. */
    public static Optional<SecurityEventType> fromUri(String uri) {
        return Arrays.stream(values()).filter(type -> type.uri.equals(uri)).findFirst();
    }
}
