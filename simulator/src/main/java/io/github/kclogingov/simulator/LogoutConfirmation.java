package io.github.kclogingov.simulator;

/** When the logout endpoint asks the person before returning to the relying party. */
public enum LogoutConfirmation {
    /**
     * As Login.gov has done since April 2025 (identity-idp #12048): whenever the person has a
     * Login.gov session, in every mode, the confirmation page shows and nothing returns to the
     * relying party until they press "Yes, sign out"; without a session the redirect is immediate.
     */
    WHEN_SIGNED_IN,
    /** Never asks: redirects at once and ends the session, for tests that need no confirmation step. */
    NEVER
}
