package io.github.kclogingov.broker.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Claim values an attacker in the path (or a broken upstream) might send, shared by the tests and the benchmark. */
final class HostileClaims {

    static final BigDecimal HUGE_EXPONENT = new BigDecimal("1e999999999");
    static final BigDecimal HUGE_NEGATIVE_EXPONENT = new BigDecimal("-1e999999999");
    static final BigDecimal TINY_EXPONENT = new BigDecimal("1e-999999999");
    static final String HUGE_EXPONENT_TEXT = "1e999999999";
    static final String TEN_THOUSAND_DIGITS = "9".repeat(10_000);
    static final BigInteger TEN_THOUSAND_DIGIT_NUMBER = new BigInteger(TEN_THOUSAND_DIGITS);
    static final String ONE_MEGABYTE = "7".repeat(1024 * 1024);

    private HostileClaims() {}

    /** A JSON array nested {@code depth} levels, as Keycloak hands userinfo over. */
    static JsonNode nestedJson(int depth) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        current.add("deep");
        return root;
    }

    /** A list nested {@code depth} levels, as a parsed id_token holds it. */
    static Object nestedList(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }
}
