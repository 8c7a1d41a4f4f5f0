package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.ConfigValue;
import java.util.Optional;

/** What Keycloak does with a user when Login.gov reports a security event about their account. */
public enum SecurityEventAction implements ConfigValue {
    /** Disable the user (marked as disabled by Login.gov) and end every session. */
    DISABLE("disable-and-sign-out"),
    /** Enable the user again, only if Login.gov's account-disabled event disabled them. */
    ENABLE("enable"),
    /** End every session and remove the link to Login.gov; a user left with no way to sign in is disabled. */
    UNLINK("sign-out-and-unlink"),
    /** End every session, offline ones included, with back-channel logout to the applications. */
    END_SESSIONS("sign-out"),
    /** Refresh the verified attributes at the next verified sign-in, whatever the mappers' sync mode. */
    REFRESH_ATTRIBUTES("refresh-at-next-sign-in"),
    /** Record the event and do nothing else. */
    LOG("log-only");

    private final String configValue;

    SecurityEventAction(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static Optional<SecurityEventAction> fromConfigValue(String value) {
        return ConfigValue.find(SecurityEventAction.class, value);
    }
}
