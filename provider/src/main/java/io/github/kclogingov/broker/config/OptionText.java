package io.github.kclogingov.broker.config;

/**
 * A drop-down choice written as {@code value (note)}. Keycloak's admin console shows a list's
 * options as they are stored (it has no separate labels), so a note such as "(legacy)" has to be
 * part of the stored text; the value is what comes before it.
 */
final class OptionText {

    private static final String NOTE_START = " (";

    private OptionText() {}

    static String of(String value, String note) {
        return value + NOTE_START + note + ")";
    }

    /** The value of a choice, without its note; {@code null} stays {@code null}. */
    static String valueOf(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        int note = trimmed.indexOf(NOTE_START);
        return note > 0 && trimmed.endsWith(")") ? trimmed.substring(0, note) : trimmed;
    }
}
