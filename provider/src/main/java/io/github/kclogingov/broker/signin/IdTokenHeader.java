package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for an id_token's protected header (RFC 8725, the JWT best current practices): the one
 * algorithm Login.gov signs with, no key carried in or pointed at by the token, nothing this
 * reader would not understand, and a type that cannot be another kind of JWT.
 */
final class IdTokenHeader {

    /** Members that carry or point at a key: the key must come from Login.gov's JWKS, never from the token. */
    static final List<String> KEY_MEMBERS = List.of("jwk", "jku", "x5u", "x5c");

    /** Longest {@code kid} accepted: Login.gov's are tens of characters. */
    static final int MAX_KID_LENGTH = 256;

    private IdTokenHeader() {}

    /**
     * Checks the header and answers its {@code kid}, if it has one.
     *
     * @throws LoginGovLoginException naming the rule the header breaks
     */
    static Optional<String> check(JsonNode header) {
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !LoginGovProtocol.SIGNING_ALGORITHM.equals(alg.textValue())) {
            throw failure("id_token algorithm " + quoted(alg) + " refused: Login.gov signs with RS256 only");
        }
        for (String member : KEY_MEMBERS) {
            if (header.has(member)) {
                throw failure("id_token header carries or points at a key (" + member
                        + "): only Login.gov's JWKS is trusted");
            }
        }
        if (header.has("crit")) {
            throw failure("id_token header has crit: no JWS extension is understood here");
        }
        if (header.has("zip")) {
            throw failure("id_token header has zip: compressed tokens are refused");
        }
        if (header.has("b64")) {
            throw failure("id_token header has b64: an unencoded payload is refused");
        }
        if (header.has("cty")) {
            throw failure("id_token header has cty: a nested JWT is refused");
        }
        JsonNode typ = header.get("typ");
        if (typ != null && !(typ.isTextual() && "JWT".equalsIgnoreCase(typ.textValue()))) {
            throw failure("id_token type " + quoted(typ) + " refused: an id_token is a JWT");
        }
        return kid(header.get("kid"));
    }

    private static Optional<String> kid(JsonNode kid) {
        if (kid == null) {
            return Optional.empty();
        }
        if (!kid.isTextual() || kid.textValue().isBlank() || kid.textValue().length() > MAX_KID_LENGTH) {
            throw failure("id_token kid " + quoted(kid) + " is not a key ID of 1 to " + MAX_KID_LENGTH + " characters");
        }
        return Optional.of(kid.textValue());
    }

    /** A header value for the failure reason: text sanitised and cut short, anything else by its JSON type. */
    private static String quoted(JsonNode value) {
        if (value == null) {
            return "(none)";
        }
        return value.isTextual()
                ? "'" + UntrustedText.quoted(value.textValue()) + "'"
                : "(a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static LoginGovLoginException failure(String reason) {
        return new LoginGovLoginException(FailureCode.ID_TOKEN_INVALID, reason);
    }
}
