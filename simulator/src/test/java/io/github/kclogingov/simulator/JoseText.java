package io.github.kclogingov.simulator;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * A compact JWT read as text, part by part, without trusting a library to accept it: the hostile
 * tokens have headers nimbus normalises and payloads no JSON parser should be fed.
 */
final class JoseText {
    private JoseText() {}

    static String part(String compact, int index) {
        return compact.split("\\.", -1)[index];
    }

    static Map<String, Object> header(String compact) {
        try {
            return JSONObjectUtils.parse(new Base64URL(part(compact, 0)).decodeToString());
        } catch (ParseException e) {
            throw new AssertionError("header is not JSON: " + compact, e);
        }
    }

    static String payloadText(String compact) {
        return new Base64URL(part(compact, 1)).decodeToString();
    }

    /** Whether the RS256 signature verifies with the key; the payload is not parsed. */
    static boolean verifies(String compact, RSAKey key) {
        return verifies(compact, key, Set.of());
    }

    /** As {@link #verifies(String, RSAKey)}, accepting the named critical header parameters. */
    static boolean verifies(String compact, RSAKey key, Set<String> understoodCriticalParameters) {
        try {
            return JWSObject.parse(compact)
                    .verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                            key.toRSAPublicKey(), understoodCriticalParameters));
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static JWKSet jwks(LoginGovSimulator simulator) {
        try {
            return JWKSet.parse(Http.get(simulator.endpoints().jwks()).body());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    static RSAKey primary(LoginGovSimulator simulator) {
        return (RSAKey) jwks(simulator).getKeys().get(0);
    }
}
