package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;

/**
 * A Login.gov setting that cannot work. Keycloak shows the message to the administrator as it is
 * when the provider is saved or imported, so every message says what is wrong and what to do.
 */
public class InvalidSettingsException extends IllegalArgumentException {

    public InvalidSettingsException(String message) {
        super(message);
    }

    /**
     * The same fault met during a sign-in (a configuration saved before a check existed, or
     * changed behind the console's back): a failure that names the configuration, not Login.gov.
     */
    public LoginGovLoginException asSignInFailure() {
        return new LoginGovLoginException(
                FailureCode.CONFIGURATION,
                "the Login.gov identity provider's configuration is invalid, and an " + "administrator must fix it: "
                        + getMessage());
    }
}
