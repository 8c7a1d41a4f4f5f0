package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Login.gov's userinfo answer, as Keycloak fetched it, before anything reads it: its {@code sub}
 * must be a string equal to the id_token's (Keycloak compares them, but an absent or non-string
 * {@code sub} would reach that comparison as a null or a number's text), and its shape must be
 * what Login.gov sends: a flat object of a few dozen claims, {@code address} one level down, no
 * value longer than {@link #MAX_TEXT}. Keycloak caps the answer at 10 MB; these bounds make a
 * hostile answer a clean failure before any mapper or user profile sees it.
 */
public final class UserinfoChecks {

    /** Longer than any Login.gov claim (an X.509 subject, an address); a claim beyond it is refused. */
    static final int MAX_TEXT = 4096;

    /** Login.gov's answer nests one level (address) and one array (all_emails). */
    static final int MAX_DEPTH = 4;

    static final int MAX_VALUES = 512;

    private UserinfoChecks() {}

    /**
     * @param userinfo the parsed answer, or null when Keycloak did not call userinfo
     * @param idTokenSubject the validated id_token's {@code sub}
     */
    public static void check(JsonNode userinfo, String idTokenSubject) {
        if (userinfo == null) {
            return;
        }
        if (!userinfo.isObject()) {
            throw new LoginGovLoginException(FailureCode.USERINFO_INVALID, "userinfo answer is not a JSON object");
        }
        JsonNode sub = userinfo.get("sub");
        if (sub == null || !sub.isTextual()) {
            throw new LoginGovLoginException(FailureCode.USERINFO_INVALID, "userinfo sub is missing or not a string");
        }
        if (!sub.asText().equals(idTokenSubject)) {
            throw new LoginGovLoginException(
                    FailureCode.USERINFO_INVALID, "userinfo sub differs from the id_token sub");
        }
        checkShape(userinfo);
    }

    /** Walks the tree without recursion, so that no depth costs stack. */
    private static void checkShape(JsonNode root) {
        record Item(JsonNode node, int depth) {}
        Deque<Item> pending = new ArrayDeque<>();
        pending.push(new Item(root, 1));
        int values = 0;
        while (!pending.isEmpty()) {
            Item item = pending.pop();
            if (++values > MAX_VALUES) {
                throw new LoginGovLoginException(
                        FailureCode.USERINFO_INVALID, "userinfo answer holds more than " + MAX_VALUES + " values");
            }
            if (item.depth() > MAX_DEPTH) {
                throw new LoginGovLoginException(
                        FailureCode.USERINFO_INVALID, "userinfo answer is nested deeper than " + MAX_DEPTH + " levels");
            }
            JsonNode node = item.node();
            if (node.isTextual() && node.asText().length() > MAX_TEXT) {
                throw new LoginGovLoginException(
                        FailureCode.USERINFO_INVALID, "userinfo holds a value longer than " + MAX_TEXT + " characters");
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (field.getKey().length() > MAX_TEXT) {
                        throw new LoginGovLoginException(
                                FailureCode.USERINFO_INVALID, "userinfo holds a claim name longer than " + MAX_TEXT);
                    }
                    pending.push(new Item(field.getValue(), item.depth() + 1));
                }
            } else if (node.isArray()) {
                node.forEach(element -> pending.push(new Item(element, item.depth() + 1)));
            }
        }
    }
}
