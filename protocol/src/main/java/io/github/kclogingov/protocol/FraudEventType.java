package io.github.kclogingov.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two security events Login.gov accepts from a partner ({@code SecurityEvent::EVENT_TYPES} in
 * identity-idp), by the URI that keys the event in the token's {@code events} claim. The other
 * direction, Login.gov's events to a partner, is {@link SecurityEventType}.
 */
public enum FraudEventType implements ConfigValue {
    /**
     * Someone who is not the person signed in to their Login.gov account. Login.gov resets the
     * password, forgets the remembered browsers and emails the person.
     */
    AUTHORIZATION_FRAUD_DETECTED(FraudEventType.NAMESPACE + "authorization-fraud-detected"),
    /** The verified identity may be fraudulent. Login.gov records it and may reset the verified profile. */
    IDENTITY_FRAUD_DETECTED(FraudEventType.NAMESPACE + "identity-fraud-detected");

    private static final String NAMESPACE = "https://schemas.login.gov/secevent/risc/event-type/";

    private final String uri;

    FraudEventType(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The last segment of the URI, e.g. {@code authorization-fraud-detected}: the name in the API and the console. */
    @Override
    public String configValue() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The type whose URI is exactly {@code uri}, as Login.gov compares the {@code events} keys. */
    public static Optional<FraudEventType> fromUri(String uri) {
        return Arrays.stream(values()).filter(type -> type.uri.equals(uri)).findFirst();
    }

    /** The type named {@code name} (its short name, or its whole URI); empty for anything else. */
    public static Optional<FraudEventType> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        return Arrays.stream(values())
                .filter(type -> type.uri.equals(trimmed))
                .findFirst()
                .or(() -> ConfigValue.find(FraudEventType.class, trimmed));
    }
}
