package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.SecurityEventType;
import java.util.Arrays;
import java.util.Optional;

/** Security event types by their short name (as the admin API and the page's buttons spell them), and in words. */
final class SecurityEventNames {

    private SecurityEventNames() {}

    static Optional<SecurityEventType> fromShortName(String name) {
        return Arrays.stream(SecurityEventType.values())
                .filter(type -> type.shortName().equals(name == null ? null : name.trim()))
                .findFirst();
    }

    static String known() {
        return String.join(
                ", ",
                Arrays.stream(SecurityEventType.values())
                        .map(SecurityEventType::shortName)
                        .toList());
    }

    /** What happened at Login.gov, for the button's label. */
    static String inWords(SecurityEventType type) {
        return switch (type) {
            case ACCOUNT_DISABLED -> "Suspend the account (account-disabled)";
            case ACCOUNT_ENABLED -> "Reinstate the account (account-enabled)";
            case ACCOUNT_PURGED -> "Delete the account (account-purged)";
            case MFA_LIMIT_ACCOUNT_LOCKED -> "Lock after too many MFA attempts (mfa-limit-account-locked)";
            case RECOVERY_ACTIVATED -> "Start \u201cforgot password\u201d (recovery-activated)";
            case PASSWORD_RESET -> "Reset the password (password-reset)";
            case RECOVERY_INFORMATION_CHANGED -> "Add or remove an MFA method (recovery-information-changed)";
            case REPROOF_COMPLETED -> "Verify the identity again (reproof-completed)";
            case IDENTIFIER_CHANGED -> "Confirm an email address (identifier-changed)";
            case IDENTIFIER_RECYCLED -> "Delete an email address (identifier-recycled)";
        };
    }
}
