package io.github.kclogingov.broker.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.SecurityEventTokens;
import java.util.Locale;

/**
 * Reads whom an event is about, in the two forms Login.gov may use: the legacy subject nested in
 * the event ({@code "subject": {"subject_type": "iss-sub", "iss": ..., "sub": ...}}) and the newer
 * top-level {@code sub_id} ({@code "format": "iss_sub"}). An account subject must name this
 * provider's issuer; an email subject is recognised and never read further.
 */
final class SetSubjects {

    /** OpenID Connect Core section 2: {@code sub} is at most 255 ASCII characters. */
    static final int MAX_SUB_LENGTH = 255;

    private SetSubjects() {}

    static EventSubject read(JsonNode claims, JsonNode event, String expectedIssuer) {
        JsonNode nested = event.get(SecurityEventTokens.SUBJECT);
        JsonNode topLevel = claims.get(SecurityEventTokens.SUB_ID);
        if (nested == null && topLevel == null) {
            throw SetRejected.invalidRequest("the event has no subject");
        }
        if (nested != null && topLevel != null && !nested.equals(topLevel)) {
            throw SetRejected.invalidRequest("the event's subject and sub_id name different subjects");
        }
        return subject(nested != null ? nested : topLevel, expectedIssuer);
    }

    private static EventSubject subject(JsonNode subject, String expectedIssuer) {
        if (!subject.isObject()) {
            throw SetRejected.invalidRequest("the subject is not a JSON object");
        }
        String format = format(subject);
        if (format.equals(SecurityEventTokens.ISS_SUB)) {
            JsonNode iss = subject.get("iss");
            if (iss == null || !iss.isTextual() || !iss.textValue().equals(expectedIssuer)) {
                throw SetRejected.invalidRequest("the subject's iss is not this provider's issuer");
            }
            JsonNode sub = subject.get("sub");
            if (sub == null || !sub.isTextual() || !isPrintableAscii(sub.textValue())) {
                throw SetRejected.invalidRequest(
                        "the subject's sub is not a string of 1 to " + MAX_SUB_LENGTH + " printable characters");
            }
            return EventSubject.account(sub.textValue());
        }
        return EventSubject.of(
                format.equals(SecurityEventTokens.EMAIL) ? EventSubject.Kind.EMAIL : EventSubject.Kind.OTHER);
    }

    /**
     * The subject's format, from {@code subject_type} (legacy) or {@code format} (RFC 9493), with
     * the legacy hyphen read as the underscore; both present must agree.
     */
    private static String format(JsonNode subject) {
        String legacy = text(subject.get(SecurityEventTokens.SUBJECT_TYPE));
        String current = text(subject.get(SecurityEventTokens.FORMAT));
        if (legacy == null && current == null) {
            throw SetRejected.invalidRequest("the subject has no subject_type or format");
        }
        if (legacy != null && current != null && !normalized(legacy).equals(normalized(current))) {
            throw SetRejected.invalidRequest("the subject's subject_type and format disagree");
        }
        return normalized(legacy != null ? legacy : current);
    }

    private static String normalized(String format) {
        return format.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw SetRejected.invalidRequest("the subject's format is not a string");
        }
        return node.textValue();
    }

    private static boolean isPrintableAscii(String text) {
        return !text.isEmpty()
                && text.length() <= MAX_SUB_LENGTH
                && text.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }
}
