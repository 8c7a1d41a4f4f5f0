package io.github.kclogingov.broker.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.PushErrorCode;
import io.github.kclogingov.protocol.SecurityEventTokens;
import io.github.kclogingov.protocol.SecurityEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claim rules of a Login.gov Security Event Token (RFC 8417 and Login.gov's profile): exact
 * issuer, an audience this receiver answers to, {@code iat} not in the future and {@code exp} not
 * past (with the provider's clock skew, and no maximum age: Login.gov's rate limiter can hold an
 * event for hours), a bounded {@code jti}, and exactly one event with its subject.
 */
final class SetClaims {

    /** Longest {@code jti}: Login.gov's are 32 characters. */
    static final int MAX_JTI_LENGTH = 256;

    /**
     * A token may stay valid this long ahead at most: twice Login.gov's 12 hours. Its {@code jti} is
     * remembered until it expires, so an {@code exp} years ahead would pin a replay key for years.
     */
    static final Duration MAX_REMAINING_LIFETIME = SecurityEventTokens.LIFETIME.multipliedBy(2);

    /** 9999-12-31T23:59:59Z: a NumericDate beyond it, or before 1970, is not a time Login.gov would write. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private final String expectedIssuer;
    private final Set<String> audiences;
    private final long skew;
    private final long now;

    SetClaims(String expectedIssuer, Set<String> audiences, Duration clockSkew, Instant now) {
        this.expectedIssuer = expectedIssuer;
        this.audiences = audiences;
        this.skew = clockSkew.getSeconds();
        this.now = now.getEpochSecond();
    }

    SecurityEvent check(JsonNode claims) {
        JsonNode iss = claims.get("iss");
        if (iss == null || !iss.isTextual() || !iss.textValue().equals(expectedIssuer)) {
            throw new SetRejected(PushErrorCode.INVALID_ISSUER, "iss is missing or is not this provider's issuer");
        }
        checkAudience(claims.get("aud"));
        long exp = checkTimes(claims);
        String jti = jti(claims.get("jti"));
        Map.Entry<String, JsonNode> event = onlyEvent(claims.get(SecurityEventTokens.EVENTS));
        EventSubject subject = SetSubjects.read(claims, event.getValue(), expectedIssuer);
        Optional<SecurityEventType> type = SecurityEventType.fromUri(event.getKey());
        return new SecurityEvent(jti, exp, type, subject);
    }

    /** A string, or a non-empty array of strings, each an audience this receiver answers to. */
    private void checkAudience(JsonNode aud) {
        boolean accepted = aud != null && (aud.isArray() ? !aud.isEmpty() : isAudience(aud));
        if (aud != null && aud.isArray()) {
            for (JsonNode member : aud) {
                accepted &= isAudience(member);
            }
        }
        if (!accepted) {
            throw new SetRejected(
                    PushErrorCode.INVALID_AUDIENCE, "aud is missing or is neither this push URL nor the client ID");
        }
    }

    private boolean isAudience(JsonNode node) {
        return node.isTextual() && audiences.contains(node.textValue());
    }

    /** Answers {@code exp}. Compared as now - skew rather than exp + skew: no claim value can overflow. */
    private long checkTimes(JsonNode claims) {
        long iat = date(claims, "iat");
        long exp = date(claims, "exp");
        if (iat > now + skew) {
            throw SetRejected.invalidRequest("iat is in the future");
        }
        if (exp <= now - skew) {
            throw SetRejected.invalidRequest("the token has expired (exp)");
        }
        if (exp - now > MAX_REMAINING_LIFETIME.getSeconds()) {
            throw SetRejected.invalidRequest("exp is further ahead than Login.gov's tokens ever are");
        }
        if (claims.has("nbf") && date(claims, "nbf") > now + skew) {
            throw SetRejected.invalidRequest("the token is not valid yet (nbf)");
        }
        return exp;
    }

    /** A required NumericDate (RFC 7519): a JSON number of seconds, a fraction dropped, between 1970 and 9999. */
    private static long date(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value != null && value.isNumber()) {
            double seconds = value.doubleValue();
            if (seconds >= 0 && seconds <= MAX_NUMERIC_DATE) {
                return (long) Math.floor(seconds);
            }
        }
        throw SetRejected.invalidRequest(name + " is missing or is not a NumericDate");
    }

    private static String jti(JsonNode jti) {
        if (jti == null
                || !jti.isTextual()
                || jti.textValue().isEmpty()
                || jti.textValue().length() > MAX_JTI_LENGTH
                || !jti.textValue().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw SetRejected.invalidRequest(
                    "jti is missing or is not a string of 1 to " + MAX_JTI_LENGTH + " printable characters");
        }
        return jti.textValue();
    }

    /** RFC 8417 allows several events in one token; Login.gov sends exactly one, and only one is acted on. */
    private static Map.Entry<String, JsonNode> onlyEvent(JsonNode events) {
        if (events == null || !events.isObject() || events.size() != 1) {
            throw SetRejected.invalidRequest("events must hold exactly one event");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = events.fields();
        Map.Entry<String, JsonNode> event = fields.next();
        if (!event.getValue().isObject()) {
            throw SetRejected.invalidRequest("the event's payload is not a JSON object");
        }
        return event;
    }
}
