package io.github.kclogingov.broker.common;

/** The one rule for optional text settings, of the provider and of its mappers alike. */
public final class Blank {

    private Blank() {}

    /** Null, empty and blank all mean "not set". */
    public static String toNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
