package io.github.kclogingov.demo.app;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A claim value as a person reads it (not yet escaped): lists one item a line, objects as "name: value" lines. */
final class ClaimText {
    private ClaimText() {}

    static String of(Object value) {
        if (value == null) {
            return "(null)";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ClaimText::of).collect(Collectors.joining("\n"));
        }
        if (value instanceof Map<?, ?> map) {
            // Login.gov's address is an object; its formatted lines keep their line breaks.
            return map.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + of(entry.getValue()))
                    .collect(Collectors.joining("\n"));
        }
        return String.valueOf(value);
    }
}
