package io.github.kclogingov.demo.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks OpenID Connect asks of a client on its id_token (Core 3.1.3.7): Keycloak's signature,
 * the issuer, this client as audience, not expired, and the nonce of the request it answers.
 */
final class IdTokenCheck {
    /** Keycloak and the application share a clock here; the leeway covers a slow laptop. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;

    IdTokenCheck(String issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    /** The id_token's claims once every check passed. */
    Map<String, Object> claims(String idToken, JWKSet realmKeys, String expectedNonce, Instant now)
            throws SignInProblem {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw new SignInProblem("Keycloak's id_token is not a signed JWT.", e);
        }
        verifySignature(jwt, realmKeys);
        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        if (claims == null) {
            throw new SignInProblem("Keycloak's id_token has no JSON claims.");
        }
        if (!issuer.equals(claims.get("iss"))) {
            throw new SignInProblem("The id_token's issuer is not the realm " + issuer + ".");
        }
        if (!audience(claims.get("aud")).contains(clientId)) {
            throw new SignInProblem("The id_token is not addressed to the client " + clientId + ".");
        }
        if (!(claims.get("exp") instanceof Number exp)
                || Instant.ofEpochSecond(exp.longValue()).plus(CLOCK_SKEW).isBefore(now)) {
            throw new SignInProblem("The id_token has expired.");
        }
        if (!Objects.equals(expectedNonce, claims.get("nonce"))) {
            throw new SignInProblem("The id_token's nonce is not the one this sign-in sent.");
        }
        return claims;
    }

    private static void verifySignature(SignedJWT jwt, JWKSet realmKeys) throws SignInProblem {
        JWK key = realmKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                throw new SignInProblem("The id_token is signed with a key the realm does not publish.");
            }
            if (!jwt.verify(verifier)) {
                throw new SignInProblem("The id_token's signature does not verify with the realm's key.");
            }
        } catch (JOSEException e) {
            throw new SignInProblem("The id_token's signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private static List<?> audience(Object aud) {
        if (aud instanceof List<?> list) {
            return list;
        }
        return aud == null ? List.of() : List.of(aud);
    }
}
