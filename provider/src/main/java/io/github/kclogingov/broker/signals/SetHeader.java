package io.github.kclogingov.broker.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.SecurityEventTokens;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a Security Event Token's protected header: RS256 only, the SET type (RFC 8417
 * section 2.3, so that an id_token or any other JWT Login.gov signs cannot pass for an event), and
 * no key carried in or pointed at by the token (RFC 8725).
 */
final class SetHeader {

    private static final List<String> REFUSED_MEMBERS =
            List.of("jwk", "jku", "x5u", "x5c", "crit", "zip", "b64", "cty");

    /** Longest {@code kid} accepted: Login.gov's are tens of characters. */
    static final int MAX_KID_LENGTH = 256;

    private SetHeader() {}

    /** Checks the header and answers its {@code kid}, if it has one. */
    static Optional<String> check(JsonNode header) {
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !LoginGovProtocol.SIGNING_ALGORITHM.equals(alg.textValue())) {
            throw SetRejected.invalidRequest("the algorithm is refused: Login.gov signs with RS256 only");
        }
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual() || !isSetType(typ.textValue())) {
            throw SetRejected.invalidRequest("the typ header must be " + SecurityEventTokens.TYPE);
        }
        for (String member : REFUSED_MEMBERS) {
            if (header.has(member)) {
                throw SetRejected.invalidRequest(
                        "the header member " + member + " is refused: only Login.gov's JWKS is trusted");
            }
        }
        JsonNode kid = header.get("kid");
        if (kid == null) {
            return Optional.empty();
        }
        if (!kid.isTextual() || kid.textValue().isBlank() || kid.textValue().length() > MAX_KID_LENGTH) {
            throw SetRejected.invalidRequest(
                    "the kid header is not a key ID of 1 to " + MAX_KID_LENGTH + " characters");
        }
        return Optional.of(kid.textValue());
    }

    /** RFC 7515 section 4.1.9: a media type, compared ignoring case, the {@code application/} prefix optional. */
    private static boolean isSetType(String typ) {
        return typ.equalsIgnoreCase(SecurityEventTokens.TYPE)
                || typ.equalsIgnoreCase("application/" + SecurityEventTokens.TYPE);
    }
}
