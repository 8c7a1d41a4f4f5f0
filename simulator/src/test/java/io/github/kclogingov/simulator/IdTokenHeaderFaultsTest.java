package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.SignedJWT;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The id_token faults in the JOSE header or signature; the claims stay production's. */
class IdTokenHeaderFaultsTest {
    private LoginGovSimulator simulator;
    private AuthorizeParams params;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
        params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
    }

    private String idTokenWith(IdTokenFault fault) {
        simulator.faults().nextIdToken(fault);
        return Flows.idTokenText(simulator, params);
    }

    private void assertClaimsIntact(String idToken) {
        String payload = JoseText.payloadText(idToken);
        assertTrue(payload.contains("\"iss\":\"" + simulator.issuer() + "\""), payload);
        assertTrue(payload.contains(params.get("nonce")), payload);
    }

    @ParameterizedTest
    @CsvSource({"ALG_NONE_LOWER, none", "ALG_NONE_CAPITALISED, None", "ALG_NONE_UPPER, NONE", "ALG_NONE_MIXED, nOnE"})
    void unsecured_tokens_carry_the_exact_alg_spelling_and_an_empty_signature(IdTokenFault fault, String alg) {
        String idToken = idTokenWith(fault);
        Map<String, Object> header = JoseText.header(idToken);
        assertEquals(alg, header.get("alg"));
        assertEquals(JoseText.primary(simulator).getKeyID(), header.get("kid"), "only the alg is wrong");
        assertTrue(idToken.endsWith("."), "empty signature");
        assertEquals(3, idToken.split("\\.", -1).length);
        assertClaimsIntact(idToken);
    }

    @Test
    void jwk_header_embeds_an_attacker_key_under_the_primary_kid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idTokenWith(IdTokenFault.JWK_HEADER));
        RSAKey primary = JoseText.primary(simulator);
        JWK embedded = jwt.getHeader().getJWK();
        assertEquals(primary.getKeyID(), jwt.getHeader().getKeyID());
        assertFalse(embedded.isPrivate());
        assertTrue(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(embedded.toRSAKey())), "signed by it");
        assertFalse(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(primary)));
        assertTrue(JoseText.jwks(simulator).getKeys().stream()
                .noneMatch(published -> ((RSAKey) published)
                        .getModulus()
                        .equals(embedded.toRSAKey().getModulus())));
    }

    @Test
    void jku_header_points_at_the_attacker() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idTokenWith(IdTokenFault.JKU_HEADER));
        assertEquals(IdTokenSigner.ATTACKER_JKU, jwt.getHeader().getJWKURL().toString());
        assertEquals(JoseText.primary(simulator).getKeyID(), jwt.getHeader().getKeyID());
        assertFalse(JoseText.verifies(jwt.serialize(), JoseText.primary(simulator)));
        assertTrue(JoseText.verifies(jwt.serialize(), attackerKey()));
    }

    @Test
    void x5u_header_points_at_the_attacker() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idTokenWith(IdTokenFault.X5U_HEADER));
        assertEquals(
                IdTokenSigner.ATTACKER_X5U, jwt.getHeader().getX509CertURL().toString());
        assertTrue(JoseText.verifies(jwt.serialize(), attackerKey()));
    }

    @Test
    void x5c_header_carries_the_attackers_self_signed_certificate() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idTokenWith(IdTokenFault.X5C_HEADER));
        List<Base64> chain = jwt.getHeader().getX509CertChain();
        assertEquals(1, chain.size());
        X509Certificate certificate = X509CertUtils.parse(chain.get(0).decode());
        assertEquals("CN=attacker", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(JoseText.primary(simulator).getKeyID(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                (java.security.interfaces.RSAPublicKey) certificate.getPublicKey())));
        assertFalse(JoseText.verifies(jwt.serialize(), JoseText.primary(simulator)));
    }

    @Test
    void crit_header_is_validly_signed_by_the_primary_key() {
        String idToken = idTokenWith(IdTokenFault.CRIT_HEADER);
        Map<String, Object> header = JoseText.header(idToken);
        assertEquals(List.of("exp-ext"), header.get("crit"));
        assertEquals(IdTokenSigner.CRITICAL_PARAMETER_VALUE, ((Number) header.get("exp-ext")).longValue());
        assertFalse(
                JoseText.verifies(idToken, JoseText.primary(simulator)), "nimbus refuses what it does not understand");
        assertTrue(JoseText.verifies(idToken, JoseText.primary(simulator), Set.of("exp-ext")), "yet validly signed");
        assertClaimsIntact(idToken);
    }

    @Test
    void typ_other_is_validly_signed_by_the_primary_key() {
        String idToken = idTokenWith(IdTokenFault.TYP_OTHER);
        assertEquals("secevent+jwt", JoseText.header(idToken).get("typ"));
        assertTrue(JoseText.verifies(idToken, JoseText.primary(simulator)));
    }

    @Test
    void no_kid_is_rs256_by_the_primary_key_without_a_kid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idTokenWith(IdTokenFault.NO_KID));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertNull(jwt.getHeader().getKeyID());
        assertEquals(Map.of("alg", "RS256"), JoseText.header(jwt.serialize()));
        assertTrue(JoseText.verifies(jwt.serialize(), JoseText.primary(simulator)));
    }

    @Test
    void a_production_token_has_only_alg_and_kid_in_its_header() {
        String idToken = Flows.signIn(simulator, params).idToken();
        assertEquals(Map.of("alg", "RS256", "kid", JoseText.primary(simulator).getKeyID()), JoseText.header(idToken));
    }

    private RSAKey attackerKey() {
        return new RSAKey.Builder(simulator.signingKeys().attacker().publicKey()).build();
    }
}
