package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The form of an admin request, read strictly: an unknown parameter or value is an error whose
 * message says what is accepted, so a mistyped test fails loudly instead of testing nothing.
 */
final class AdminForm {
    /** A parameter or value the admin API does not know; the message is safe to answer. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private final Map<String, String> parameters;

    private AdminForm(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The form body, refused when it names a parameter outside {@code known} or names none of them. */
    static AdminForm read(HttpExchange exchange, Set<String> known) throws IOException, Invalid {
        Map<String, String> parameters = HttpExchanges.form(exchange);
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new Invalid("Unknown parameter \"" + name + "\"; known: " + new TreeSet<>(known));
            }
        }
        if (parameters.isEmpty()) {
            throw new Invalid("Nothing to change; send one of " + new TreeSet<>(known));
        }
        return new AdminForm(parameters);
    }

    /** A constant's name, in any case. */
    <E extends Enum<E>> Optional<E> constant(String name, Class<E> type) throws Invalid {
        String value = parameters.get(name);
        if (value == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(constant);
            }
        }
        throw new Invalid("Unknown " + type.getSimpleName() + " \"" + UntrustedValue.shown(value) + "\" for " + name
                + "; known: " + Arrays.toString(type.getEnumConstants()));
    }

    Optional<Boolean> flag(String name) throws Invalid {
        String value = parameters.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Optional.of(Boolean.parseBoolean(value));
        }
        throw new Invalid(name + " must be true or false, not \"" + UntrustedValue.shown(value) + "\"");
    }

    Optional<String> text(String name) throws Invalid {
        String value = parameters.get(name);
        if (value != null && value.isEmpty()) {
            throw new Invalid(name + " cannot be empty");
        }
        return Optional.ofNullable(value);
    }

    /** Echoes a caller's value back only short and printable. */
    private static final class UntrustedValue {
        private static final int MAX_SHOWN = 60;

        static String shown(String value) {
            String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
            return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN) + "...";
        }
    }
}
