package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdTokenTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private JWKSet jwks() throws Exception {
        return JWKSet.parse(Http.get(simulator.endpoints().jwks()).body());
    }

    private RSAKey primary() throws Exception {
        return (RSAKey) jwks().getKeys().get(0);
    }

    private boolean verifiesWithAnyPublishedKey(SignedJWT jwt) throws Exception {
        for (var key : jwks().getKeys()) {
            if (jwt.verify(new RSASSAVerifier((RSAKey) key))) {
                return true;
            }
        }
        return false;
    }

    private Flows.Tokens signIn() {
        return Flows.signIn(
                simulator,
                AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                        .acr(AuthorizeParams.VERIFIED)
                        .scope("openid email profile"));
    }

    @Nested
    class Claims_and_signature {
        @Test
        void rs256_signed_by_the_primary_key_with_its_kid() throws Exception {
            SignedJWT jwt = signIn().signed();
            assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
            assertEquals(primary().getKeyID(), jwt.getHeader().getKeyID());
            assertTrue(jwt.verify(new RSASSAVerifier(primary())));
        }

        @Test
        void carries_every_protocol_claim() throws Exception {
            AuthorizeParams params =
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL).acr(AuthorizeParams.VERIFIED);
            Flows.Tokens tokens = Flows.signIn(simulator, params);
            var claims = tokens.claims();
            long now = SharedSimulator.CLOCK.instant().getEpochSecond();
            assertEquals(simulator.issuer(), claims.getIssuer());
            assertTrue(claims.getIssuer().endsWith("/"));
            assertEquals(simulator.subjectOf("verified", TestClients.CONFIDENTIAL), claims.getSubject());
            UUID.fromString(claims.getSubject());
            assertEquals(
                    TestClients.CONFIDENTIAL,
                    tokens.signed().getPayload().toJSONObject().get("aud"),
                    "aud is a string");
            assertEquals(AuthorizeParams.VERIFIED, claims.getClaim("acr"));
            assertEquals(AuthorizeParams.VERIFIED, claims.getClaim("ial"));
            assertEquals(AuthenticationAssurance.DEFAULT.value(), claims.getClaim("aal"));
            assertEquals(params.get("nonce"), claims.getClaim("nonce"));
            assertNotNull(claims.getJWTID());
            assertEquals(IdTokenIssuer.halfHash(tokens.accessToken()), claims.getClaim("at_hash"));
            assertEquals(IdTokenIssuer.halfHash(tokens.code()), claims.getClaim("c_hash"));
            assertEquals(now + 900, claims.getExpirationTime().getTime() / 1000);
            assertEquals(now, claims.getIssueTime().getTime() / 1000);
            assertEquals(now, claims.getNotBeforeTime().getTime() / 1000);
            assertEquals("jordan.verified@example.com", claims.getClaim("email"));
        }

        @Test
        void sub_is_pairwise_stable_per_client_and_different_between_clients() {
            String confidential = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                    .claims()
                    .getSubject();
            String again = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                    .claims()
                    .getSubject();
            String publicClient = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.PUBLIC))
                    .claims()
                    .getSubject();
            assertEquals(confidential, again);
            assertNotEquals(confidential, publicClient);
        }

        @Test
        void releases_the_scoped_userinfo_claims_too() {
            var claims = signIn().claims();
            assertEquals("Jordan", claims.getClaim("given_name"));
            assertEquals("1985-04-12", claims.getClaim("birthdate"));
            assertNull(claims.getClaim("address"), "address scope was not asked for");
        }
    }

    @Nested
    class Faults {
        private Flows.Tokens withFault(IdTokenFault fault) {
            simulator.faults().nextIdToken(fault);
            return signIn();
        }

        @Test
        void tampered_signature_fails_verification_with_the_right_kid() throws Exception {
            SignedJWT jwt = withFault(IdTokenFault.TAMPERED_SIGNATURE).signed();
            assertEquals(primary().getKeyID(), jwt.getHeader().getKeyID());
            assertFalse(jwt.verify(new RSASSAVerifier(primary())));
        }

        @Test
        void wrong_issuer() throws Exception {
            Flows.Tokens tokens = withFault(IdTokenFault.WRONG_ISSUER);
            assertNotEquals(simulator.issuer(), tokens.claims().getIssuer());
            assertTrue(tokens.signed().verify(new RSASSAVerifier(primary())), "only the issuer is wrong");
        }

        @Test
        void extra_audience() {
            assertEquals(
                    List.of(TestClients.CONFIDENTIAL, IdTokenIssuer.OTHER_AUDIENCE),
                    withFault(IdTokenFault.EXTRA_AUDIENCE).claims().getAudience());
        }

        @Test
        void missing_iat() {
            assertNull(withFault(IdTokenFault.MISSING_IAT).claims().getIssueTime());
        }

        @Test
        void missing_exp() {
            assertNull(withFault(IdTokenFault.MISSING_EXP).claims().getExpirationTime());
        }

        @Test
        void iat_in_the_future() {
            long now = SharedSimulator.CLOCK.instant().getEpochSecond();
            assertEquals(
                    now + 3600,
                    withFault(IdTokenFault.IAT_IN_FUTURE)
                                    .claims()
                                    .getIssueTime()
                                    .getTime()
                            / 1000);
        }

        @Test
        void wrong_nonce() {
            AuthorizeParams params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
            simulator.faults().nextIdToken(IdTokenFault.WRONG_NONCE);
            assertNotEquals(params.get("nonce"), Flows.signIn(simulator, params).claim("nonce"));
        }

        @Test
        void signed_by_a_key_the_jwks_does_not_list() throws Exception {
            SignedJWT jwt = withFault(IdTokenFault.SIGNED_BY_UNKNOWN_KEY).signed();
            assertNull(jwks().getKeyByKeyId(jwt.getHeader().getKeyID()));
            assertFalse(verifiesWithAnyPublishedKey(jwt));
        }

        @Test
        void hs256_algorithm_confusion() throws Exception {
            SignedJWT jwt = withFault(IdTokenFault.HS256).signed();
            assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        }

        @Test
        void none_algorithm() throws Exception {
            String idToken = withFault(IdTokenFault.NONE_ALG).idToken();
            assertTrue(JWTParser.parse(idToken) instanceof PlainJWT);
            assertTrue(idToken.endsWith("."));
        }

        @Test
        void a_fault_spoils_only_the_next_id_token() throws Exception {
            simulator.faults().nextIdToken(IdTokenFault.TAMPERED_SIGNATURE);
            signIn();
            assertTrue(signIn().signed().verify(new RSASSAVerifier(primary())));
        }

        @Test
        void clear_drops_pending_faults() throws Exception {
            simulator.faults().nextIdToken(IdTokenFault.TAMPERED_SIGNATURE).overrideNextAcr("x");
            simulator.faults().clear();
            Flows.Tokens tokens = signIn();
            assertTrue(tokens.signed().verify(new RSASSAVerifier(primary())));
            assertEquals(AuthorizeParams.VERIFIED, tokens.claim("acr"));
        }
    }

    @Nested
    class Assurance_overrides {
        @Test
        void override_acr_and_aal_in_id_token_and_userinfo() {
            simulator
                    .faults()
                    .overrideNextAcr("urn:acr.login.gov:verified-facial-match-required")
                    .overrideNextAal(AuthenticationAssurance.PHISHING_RESISTANT.value());
            Flows.Tokens tokens = signIn();
            assertEquals("urn:acr.login.gov:verified-facial-match-required", tokens.claim("acr"));
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT.value(), tokens.claim("aal"));
            var userinfo = Flows.userinfo(simulator, tokens.accessToken());
            assertEquals("urn:acr.login.gov:verified-facial-match-required", userinfo.get("ial"));
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT.value(), userinfo.get("aal"));
            assertEquals(AuthorizeParams.VERIFIED, signIn().claim("acr"), "overrides are one-shot");
        }

        @Test
        void omit_acr_removes_acr_and_ial() {
            simulator.faults().omitNextAcr();
            Flows.Tokens tokens = signIn();
            assertFalse(tokens.claims().getClaims().containsKey("acr"));
            assertFalse(tokens.claims().getClaims().containsKey("ial"));
            assertFalse(Flows.userinfo(simulator, tokens.accessToken()).containsKey("ial"));
        }
    }
}
