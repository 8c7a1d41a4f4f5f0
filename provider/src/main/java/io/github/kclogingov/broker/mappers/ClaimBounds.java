package io.github.kclogingov.broker.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The size a claim value may have before a mapper looks at it. Login.gov's largest values are an
 * address (an object of five short strings) and {@code all_emails} (a short array of strings);
 * anything far larger, deeper or with an absurd number is hostile and counts as absent, so it is
 * neither stored nor worked on. Each check stops at the first excess: its cost is bounded by the
 * limits, not by the value.
 */
final class ClaimBounds {

    /** Objects and arrays inside each other: Login.gov nests one level ({@code address}); a little room is kept. */
    static final int MAX_DEPTH = 3;

    /** Strings, numbers and members in one claim: {@code all_emails} of a person with many addresses fits. */
    static final int MAX_ELEMENTS = 256;

    /** Widest integer: a 10000-digit number is not a value any Login.gov claim holds. */
    static final int MAX_INTEGER_BITS = 128;

    /** Decimal places or powers of ten a decimal may carry ({@code 1e999999999} has a scale of -999999999). */
    static final int MAX_DECIMAL_SCALE = 64;

    private int elements;

    private ClaimBounds() {}

    /** True if a value as Keycloak's id_token holds it (String, Number, Boolean, List, Map) is within the limits. */
    static boolean fits(Object value) {
        return new ClaimBounds().value(value, 0);
    }

    /** True if a userinfo JSON value is within the limits. */
    static boolean fits(JsonNode value) {
        return new ClaimBounds().node(value, 0);
    }

    private boolean value(Object value, int depth) {
        if (++elements > MAX_ELEMENTS) {
            return false;
        }
        if (value instanceof CharSequence text) {
            return text.length() <= ClaimValues.MAX_STORED_LENGTH;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof List<?> list) {
            if (depth >= MAX_DEPTH || list.size() > MAX_ELEMENTS) {
                return false;
            }
            return list.stream().allMatch(item -> value(item, depth + 1));
        }
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH || map.size() > MAX_ELEMENTS) {
                return false;
            }
            return map.entrySet().stream()
                    .allMatch(entry ->
                            value(String.valueOf(entry.getKey()), depth + 1) && value(entry.getValue(), depth + 1));
        }
        return true; // null, Boolean: nothing to bound
    }

    private boolean node(JsonNode node, int depth) {
        if (++elements > MAX_ELEMENTS) {
            return false;
        }
        if (node.isTextual()) {
            return node.textValue().length() <= ClaimValues.MAX_STORED_LENGTH;
        }
        if (node.isNumber()) {
            return number(node.numberValue());
        }
        if (node.isContainerNode()) {
            if (depth >= MAX_DEPTH || node.size() > MAX_ELEMENTS) {
                return false;
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                if (names.next().length() > ClaimValues.MAX_STORED_LENGTH) {
                    return false;
                }
            }
            for (JsonNode child : node) {
                if (!node(child, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Finite, and small enough that its text and any arithmetic on it cost nothing. */
    static boolean number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        if (number instanceof BigInteger integer) {
            return integer.bitLength() <= MAX_INTEGER_BITS;
        }
        if (number instanceof BigDecimal decimal) {
            return Math.abs((long) decimal.scale()) <= MAX_DECIMAL_SCALE
                    && decimal.unscaledValue().bitLength() <= MAX_INTEGER_BITS;
        }
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }
}
