package io.github.kclogingov.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON texts no JSON library would write: a number out of every range, arrays nested far beyond any
 * parser's stack, members of megabytes. Shared by the id_token and userinfo faults, which splice
 * them into an otherwise correct object.
 */
final class HostileJson {
    /** Overflows a double and every sane BigDecimal scale; written literally, never parsed here. */
    static final String HUGE_NUMBER = "1e999999999";

    static final int OVERSIZED_CHARS = 2 * 1024 * 1024;
    static final int NESTING_DEPTH = 100_000;
    static final int LONG_STRING_CHARS = 1024 * 1024;
    static final String OVERSIZED_MEMBER = "padding";
    static final String NESTED_MEMBER = "nested";

    private HostileJson() {}

    /** Harmless text of the given length. */
    static String filler(int chars) {
        return "A".repeat(chars);
    }

    /** {@code [[[...]]]}, {@code depth} levels. */
    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /**
     * The object as JSON with one member whose value is raw JSON text, replacing a member of that
     * name; the member goes last so the rest of the text is what a library would write. The name is
     * one of the simulator's constants, plain ASCII that needs no escaping.
     */
    static String withRawMember(Map<String, Object> object, String name, String rawValue) {
        Map<String, Object> others = new LinkedHashMap<>(object);
        others.remove(name);
        String json = JSONObjectUtils.toJSONString(others);
        String withoutClosingBrace = json.substring(0, json.length() - 1);
        return withoutClosingBrace + (others.isEmpty() ? "" : ",") + "\"" + name + "\":" + rawValue + "}";
    }
}
