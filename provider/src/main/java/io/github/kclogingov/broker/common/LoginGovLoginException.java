package io.github.kclogingov.broker.common;

import org.keycloak.broker.provider.IdentityBrokerException;

/**
 * A sign-in through Login.gov that must fail, with a reason safe to show in an event, a log line
 * and the user's error page: it names what failed and never carries a token, a key or personal data.
 */
public class LoginGovLoginException extends IdentityBrokerException {

    public static final String MESSAGE_KEY = "logingovLoginFailed";

    public LoginGovLoginException(String reason) {
        super(reason);
        withMessageCode(MESSAGE_KEY);
    }
}
