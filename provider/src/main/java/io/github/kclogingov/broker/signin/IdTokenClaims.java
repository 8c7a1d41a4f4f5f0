package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.time.Duration;
import java.time.Instant;

/**
 * The claim rules of OpenID Connect Core section 3.1.3.7 for a Login.gov id_token, read from the
 * JSON itself so that a claim of the wrong type is refused rather than coerced. A failure names
 * the claim and the rule, never the claim's value (these reasons reach events and logs). The
 * nonce's value and the asserted level are checked where the sign-in's state is ({@code AnswerChecks}).
 */
final class IdTokenClaims {

    /** OpenID Connect Core section 2: {@code sub} is at most 255 ASCII characters. */
    static final int MAX_SUB_LENGTH = 255;

    /** 9999-12-31T23:59:59Z: a NumericDate beyond it, or before 1970, is not a time Login.gov would write. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private final String expectedIssuer;
    private final String clientId;
    private final long skew;
    private final long maxAge;
    private final long now;

    IdTokenClaims(String expectedIssuer, String clientId, Duration clockSkew, Duration maxAge, Instant now) {
        this.expectedIssuer = expectedIssuer;
        this.clientId = clientId;
        this.skew = clockSkew.getSeconds();
        this.maxAge = maxAge.getSeconds();
        this.now = now.getEpochSecond();
    }

    /** @throws LoginGovLoginException naming the first rule the claims break */
    void check(JsonNode claims) {
        checkIssuer(claims.get("iss"));
        checkSubject(claims.get("sub"));
        checkAudience(claims.get("aud"));
        if (claims.has("azp") && !isText(claims.get("azp"), clientId)) {
            throw failure("id_token azp is not the client ID");
        }
        checkTimes(claims);
        if (claims.has("nonce") && !claims.get("nonce").isTextual()) {
            throw failure("id_token nonce is not a string");
        }
    }

    private void checkIssuer(JsonNode iss) {
        if (iss == null || iss.isNull() || (iss.isTextual() && iss.textValue().isEmpty())) {
            throw failure("id_token has no iss");
        }
        if (!isText(iss, expectedIssuer)) {
            throw failure("id_token issuer is not " + expectedIssuer);
        }
    }

    private static void checkSubject(JsonNode sub) {
        if (sub == null || sub.isNull()) {
            throw failure("id_token has no sub");
        }
        if (!sub.isTextual() || !isPrintableAscii(sub.textValue(), MAX_SUB_LENGTH)) {
            throw failure("id_token sub must be a string of 1 to " + MAX_SUB_LENGTH + " printable ASCII characters");
        }
    }

    /** A string, or an array whose every element is the client_id: no other party may hold this token. */
    private void checkAudience(JsonNode aud) {
        if (aud == null || aud.isNull()) {
            throw failure("id_token has no aud");
        }
        boolean onlyClientId = aud.isArray() ? !aud.isEmpty() : isText(aud, clientId);
        if (aud.isArray()) {
            for (JsonNode member : aud) {
                onlyClientId &= isText(member, clientId);
            }
        }
        if (!onlyClientId) {
            throw failure("id_token audience must be exactly the client ID");
        }
    }

    private void checkTimes(JsonNode claims) {
        long exp = requiredDate(claims, "exp");
        long iat = requiredDate(claims, "iat");
        // Compared as now - skew rather than exp + skew: no claim value can overflow the arithmetic.
        if (exp <= now - skew) {
            throw failure("id_token has expired");
        }
        if (iat > now + skew) {
            throw failure("id_token iat is in the future");
        }
        if (iat < now - maxAge - skew) {
            throw failure("id_token was issued more than " + maxAge + " s ago");
        }
        if (claims.has("nbf") && date(claims, "nbf") > now + skew) {
            throw failure("id_token is not valid yet (nbf)");
        }
        if (claims.has("auth_time") && date(claims, "auth_time") > now + skew) {
            throw failure("id_token auth_time is in the future");
        }
    }

    private static long requiredDate(JsonNode claims, String name) {
        if (!claims.has(name) || claims.get(name).isNull()) {
            throw failure("id_token has no " + name);
        }
        return date(claims, name);
    }

    /** A NumericDate (RFC 7519): a JSON number of seconds, a fraction dropped, between 1970 and 9999. */
    private static long date(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value.isNumber()) {
            double seconds = value.doubleValue();
            if (seconds >= 0 && seconds <= MAX_NUMERIC_DATE) {
                return (long) Math.floor(seconds);
            }
        }
        throw failure("id_token " + name + " is not a NumericDate (seconds since 1970, as a JSON number)");
    }

    private static boolean isText(JsonNode node, String expected) {
        return node != null && node.isTextual() && expected.equals(node.textValue());
    }

    private static boolean isPrintableAscii(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static LoginGovLoginException failure(String reason) {
        return new LoginGovLoginException(FailureCode.ID_TOKEN_INVALID, reason);
    }
}
