package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdTokenCheckTest {
    static final String ISSUER = "http://localhost:8080/realms/demo";
    static RSAKey realmKey;
    static RSAKey otherKey;

    private final Instant now = Instant.parse("2026-01-01T12:00:00Z");
    private final IdTokenCheck check = new IdTokenCheck(ISSUER, "demo-app");

    @BeforeAll
    static void keys() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm").generate();
    }

    private String idToken(RSAKey key, String issuer, String audience, Instant expires, String nonce) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("abc")
                .expirationTime(Date.from(expires))
                .claim("nonce", nonce)
                .claim("acr", "verified")
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("realm").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JWKSet realmKeys() {
        return new JWKSet(realmKey.toPublicJWK());
    }

    @Test
    void accepts_keycloak_s_token_for_this_request() throws Exception {
        String token = idToken(realmKey, ISSUER, "demo-app", now.plusSeconds(300), "n1");
        assertEquals("verified", check.claims(token, realmKeys(), "n1", now).get("acr"));
    }

    @Test
    void refuses_another_nonce() throws Exception {
        String token = idToken(realmKey, ISSUER, "demo-app", now.plusSeconds(300), "other");
        SignInProblem e = assertThrows(SignInProblem.class, () -> check.claims(token, realmKeys(), "n1", now));
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    }

    @Test
    void refuses_a_token_signed_by_another_key() throws Exception {
        String token = idToken(otherKey, ISSUER, "demo-app", now.plusSeconds(300), "n1");
        SignInProblem e = assertThrows(SignInProblem.class, () -> check.claims(token, realmKeys(), "n1", now));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void refuses_another_issuer_another_audience_and_an_expired_token() throws Exception {
        String otherIssuer =
                idToken(realmKey, "http://localhost:8080/realms/other", "demo-app", now.plusSeconds(300), "n1");
        String otherAudience = idToken(realmKey, ISSUER, "another-app", now.plusSeconds(300), "n1");
        String expired = idToken(realmKey, ISSUER, "demo-app", now.minusSeconds(600), "n1");
        assertThrows(SignInProblem.class, () -> check.claims(otherIssuer, realmKeys(), "n1", now));
        assertThrows(SignInProblem.class, () -> check.claims(otherAudience, realmKeys(), "n1", now));
        assertThrows(SignInProblem.class, () -> check.claims(expired, realmKeys(), "n1", now));
    }

    @Test
    void refuses_what_is_not_a_jwt() {
        assertThrows(SignInProblem.class, () -> check.claims("not a token", realmKeys(), "n1", now));
    }
}
