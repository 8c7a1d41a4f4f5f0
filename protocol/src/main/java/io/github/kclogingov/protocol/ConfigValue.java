package io.github.kclogingov.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A choice spelled the same way in configuration (the identity provider's settings, the
 * simulator's JSON file, the admin console's drop-downs): lower case, read back ignoring case and
 * surrounding spaces.
 */
public interface ConfigValue {

    /** The spelling stored in configuration and shown in the admin console. */
    String configValue();

    /** The constant of {@code type} spelled {@code value}; empty for null or an unknown spelling. */
    static <E extends Enum<E> & ConfigValue> Optional<E> find(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.configValue().equals(wanted))
                .findFirst();
    }
}
