package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.representations.JsonWebToken;

class IdTokenValidatorTest {

    static final String ISSUER = "https://idp.int.identitysandbox.gov/";
    static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static KeyPair loginGovKey;
    static KeyPair otherKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        loginGovKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    IdTokenValidator validator() {
        return new IdTokenValidator(
                kid -> "primary".equals(kid) ? loginGovKey.getPublic() : null,
                ISSUER,
                CLIENT_ID,
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder goodClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca")
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW.minusSeconds(2)))
                .notBeforeTime(Date.from(NOW.minusSeconds(2)))
                .expirationTime(Date.from(NOW.plusSeconds(900)))
                .claim("nonce", "n".repeat(22))
                .claim("acr", "urn:acr.login.gov:auth-only");
    }

    static String sign(JWTClaimsSet claims, KeyPair key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    static String token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = goodClaims();
        change.accept(claims);
        return sign(claims.build(), loginGovKey, "primary");
    }

    void assertRefused(String token, String reasonPart) {
        IdentityBrokerException e =
                assertThrows(IdentityBrokerException.class, () -> validator().validate(token));
        assertTrue(e.getMessage().contains(reasonPart), () -> "reason was: " + e.getMessage());
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
    }

    @Test
    void a_good_token_is_accepted() throws Exception {
        JsonWebToken token = validator().validate(token(c -> {}));
        assertEquals("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca", token.getSubject());
    }

    @Nested
    class Signature {
        @Test
        void a_tampered_payload_is_refused() throws Exception {
            String[] parts = token(c -> {}).split("\\.");
            String otherPayload = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(goodClaims()
                            .subject("someone-else")
                            .build()
                            .toString()
                            .getBytes());
            assertRefused(parts[0] + "." + otherPayload + "." + parts[2], "signature is invalid");
        }

        @Test
        void a_key_login_gov_does_not_list_is_refused() throws Exception {
            assertRefused(sign(goodClaims().build(), otherKey, "unknown"), "does not list");
        }

        @Test
        void the_right_kid_with_the_wrong_key_is_refused() throws Exception {
            assertRefused(sign(goodClaims().build(), otherKey, "primary"), "signature is invalid");
        }

        @Test
        void hs256_is_refused_even_keyed_with_the_public_key() throws Exception {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("primary").build(),
                    goodClaims().build());
            jwt.sign(new MACSigner(loginGovKey.getPublic().getEncoded()));
            assertRefused(jwt.serialize(), "RS256 only");
        }

        @Test
        void an_unsigned_token_is_refused() {
            assertRefused(new PlainJWT(goodClaims().build()).serialize(), "RS256 only");
        }

        @Test
        void a_token_without_kid_is_refused() throws Exception {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
                    goodClaims().build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) loginGovKey.getPrivate()));
            assertRefused(jwt.serialize(), "no kid");
        }

        @Test
        void garbage_is_refused() {
            assertRefused("not-a-jwt", "well-formed");
            assertRefused("", "no id_token");
        }
    }

    @Nested
    class Claims {
        @Test
        void an_issuer_without_the_trailing_slash_is_refused() throws Exception {
            assertRefused(token(c -> c.issuer("https://idp.int.identitysandbox.gov")), "issuer");
        }

        @Test
        void another_issuer_is_refused() throws Exception {
            assertRefused(token(c -> c.issuer("https://evil.example/")), "issuer");
        }

        @Test
        void an_extra_audience_is_refused() throws Exception {
            assertRefused(token(c -> c.audience(List.of(CLIENT_ID, "someone-else"))), "audience");
        }

        @Test
        void another_audience_is_refused() throws Exception {
            assertRefused(token(c -> c.audience("someone-else")), "audience");
        }

        @Test
        void a_foreign_azp_is_refused() throws Exception {
            assertRefused(token(c -> c.claim("azp", "someone-else")), "azp");
        }
    }

    @Nested
    class Times {
        @Test
        void a_missing_exp_is_refused() throws Exception {
            assertRefused(token(c -> c.expirationTime(null)), "no exp");
        }

        @Test
        void a_missing_iat_is_refused() throws Exception {
            assertRefused(token(c -> c.issueTime(null)), "no iat");
        }

        @Test
        void an_expired_token_is_refused() throws Exception {
            assertRefused(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(11)))), "expired");
        }

        @Test
        void an_iat_in_the_future_beyond_the_skew_is_refused() throws Exception {
            assertRefused(token(c -> c.issueTime(Date.from(NOW.plusSeconds(11)))), "future");
        }

        @Test
        void an_iat_within_the_skew_is_accepted() throws Exception {
            validator().validate(token(c -> c.issueTime(Date.from(NOW.plusSeconds(9)))));
        }

        @Test
        void an_old_iat_is_refused() throws Exception {
            assertRefused(token(c -> c.issueTime(Date.from(NOW.minusSeconds(311)))), "issued more than");
        }

        @Test
        void a_future_nbf_is_refused() throws Exception {
            assertRefused(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(60)))), "nbf");
        }
    }
}
