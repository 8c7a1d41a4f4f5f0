package io.github.kclogingov.broker.signals;

import org.keycloak.models.UserModel;

/**
 * The mark left on a user this mechanism disabled, in Keycloak's own {@code disabledReason}
 * attribute (the one brute-force lockout uses): read-only in the user profile, so neither the
 * person nor an admin's form can forge it. account-enabled re-enables only a user carrying the
 * account-disabled mark of the same provider; an admin who enables the user drops the mark
 * ({@link AdminEnabledListener}), so a later admin disable is never undone by Login.gov.
 */
final class LoginGovDisabled {

    static final String ACCOUNT_DISABLED = "logingov-account-disabled:";
    static final String ACCOUNT_PURGED = "logingov-account-purged:";
    static final String PREFIX = "logingov-";

    private LoginGovDisabled() {}

    /** Disables an enabled user with {@code reason} + alias as the mark; false if the user was already disabled. */
    static boolean disable(UserModel user, String reason, String alias) {
        if (!user.isEnabled()) {
            return false; // disabled by someone else (an admin, a lockout): not ours to re-enable
        }
        user.setEnabled(false);
        user.setSingleAttribute(UserModel.DISABLED_REASON, reason + alias);
        return true;
    }

    /** Whether Login.gov's account-disabled event of provider {@code alias} disabled this user. */
    static boolean byAccountDisabled(UserModel user, String alias) {
        return !user.isEnabled()
                && (ACCOUNT_DISABLED + alias).equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
    }

    static void enable(UserModel user) {
        user.removeAttribute(UserModel.DISABLED_REASON);
        user.setEnabled(true);
    }

    /** An enabled user keeps no mark of ours: it would otherwise outlive an admin's decision. */
    static void forgetIfEnabled(UserModel user) {
        String reason = user.getFirstAttribute(UserModel.DISABLED_REASON);
        if (user.isEnabled() && reason != null && reason.startsWith(PREFIX)) {
            user.removeAttribute(UserModel.DISABLED_REASON);
        }
    }
}
