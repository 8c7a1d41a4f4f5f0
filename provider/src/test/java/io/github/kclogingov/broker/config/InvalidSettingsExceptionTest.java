package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import org.junit.jupiter.api.Test;

/** Tests that a broken setting met during a sign-in names the configuration, not Login.gov, as the fault. */
class InvalidSettingsExceptionTest {

    @Test
    void a_broken_setting_on_the_sign_in_path_is_a_configuration_failure_with_the_admins_message() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        config.getConfig().put(ConfigKeys.ID_TOKEN_MAX_AGE, "soon");

        InvalidSettingsException broken = assertThrows(InvalidSettingsException.class, config::getTokenUrl);
        LoginGovLoginException failure = broken.asSignInFailure();

        assertTrue(
                failure.getMessage().startsWith("the Login.gov identity provider's configuration is invalid"),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith(broken.getMessage()), failure.getMessage());
        assertEquals(LoginGovLoginException.MESSAGE_KEY, failure.getMessageCode());
    }
}
