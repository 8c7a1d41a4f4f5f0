package io.github.kclogingov.broker.common;

import org.keycloak.broker.provider.IdentityBrokerException;

/**
 * A sign-in through Login.gov that must fail, with a reason safe to show in an event, a log line
 * and the user's error page: it names what failed and never carries a token, a key or personal data.
 * Its {@link FailureCode} groups it for the sign-in meter.
 */
public class LoginGovLoginException extends IdentityBrokerException {

    public static final String MESSAGE_KEY = "logingovLoginFailed";

    private final FailureCode code;

    public LoginGovLoginException(FailureCode code, String reason) {
        super(reason);
        this.code = code;
        withMessageCode(MESSAGE_KEY);
    }

    public FailureCode code() {
        return code;
    }
}
