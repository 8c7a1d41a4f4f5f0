package io.github.kclogingov.simulator;

import java.util.Optional;

/**
 * The two security events a partner may send to Login.gov ({@code SecurityEvent::EVENT_TYPES} in
 * identity-idp), named in Login.gov's own namespace, not OpenID's RISC one: the other direction's
 * events ({@code SecurityEventType}) are a different list.
 */
public enum FraudEventType {
    /** Someone else got into the account: Login.gov resets the person's password. */
    AUTHORIZATION_FRAUD_DETECTED("authorization-fraud-detected"),
    /** The identity behind the account is not the person's: recorded. */
    IDENTITY_FRAUD_DETECTED("identity-fraud-detected");

    static final String NAMESPACE = "https://schemas.login.gov/secevent/risc/event-type/";

    private final String shortName;

    FraudEventType(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }

    /** The URI a Security Event Token names it by, a key of its {@code events} claim. */
    public String uri() {
        return NAMESPACE + shortName;
    }

    static Optional<FraudEventType> fromUri(String uri) {
        for (FraudEventType type : values()) {
            if (type.uri().equals(uri)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
