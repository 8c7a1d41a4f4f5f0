package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the JWKS publishes: options, rotation, and the record of every fetch. */
class JwksOptionsTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> keys() {
        return (List<Map<String, Object>>)
                Http.json(Http.get(simulator.endpoints().jwks())).get("keys");
    }

    private String signingKid() {
        return Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                .signed()
                .getHeader()
                .getKeyID();
    }

    @Test
    void production_publishes_two_rsa_signing_keys() {
        List<Map<String, Object>> keys = keys();
        assertEquals(2, keys.size());
        assertTrue(keys.stream().allMatch(key -> "RSA".equals(key.get("kty")) && "sig".equals(key.get("use"))));
    }

    @Test
    void unknown_key_types_follow_the_signing_keys_and_stay_until_cleared() {
        String primaryKid = (String) keys().get(0).get("kid");
        simulator.jwks().publishUnknownKeyTypes(true);
        List<Map<String, Object>> keys = keys();
        assertEquals(6, keys.size(), keys::toString);
        assertEquals(primaryKid, keys.get(0).get("kid"), "primary still first");
        assertEquals("RSA", keys.get(1).get("kty"));
        assertEquals("EC", keys.get(2).get("kty"));
        assertEquals("P-256", keys.get(2).get("crv"));
        assertFalse(keys.get(2).containsKey("d"), "public part only");
        assertEquals("OKP", keys.get(3).get("kty"));
        assertEquals("Ed25519", keys.get(3).get("crv"));
        assertEquals("XYZ", keys.get(4).get("kty"));
        assertEquals("RSA", keys.get(5).get("kty"));
        assertEquals("enc", keys.get(5).get("use"));
        assertFalse(keys.get(5).containsKey("d"));
        assertEquals(6, keys().size(), "not one-shot");
        assertEquals(primaryKid, signingKid(), "the primary still signs");
        simulator.faults().clear();
        assertEquals(6, keys().size(), "clearing faults keeps JWKS options");
        simulator.jwks().clear();
        assertEquals(2, keys().size());
    }

    @Test
    void single_key_publishes_the_primary_only() {
        simulator.jwks().publishSingleKey(true);
        List<Map<String, Object>> keys = keys();
        assertEquals(1, keys.size());
        assertEquals(signingKid(), keys.get(0).get("kid"));
    }

    @Test
    void no_kid_token_verifies_with_the_single_published_key() throws Exception {
        simulator.jwks().publishSingleKey(true);
        simulator.faults().nextIdToken(IdTokenFault.NO_KID);
        String idToken = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                .idToken();
        RSAKey only = RSAKey.parse(keys().get(0));
        assertTrue(JoseText.verifies(idToken, only));
    }

    @Test
    void rotation_makes_a_fresh_primary_and_keeps_the_old_one_as_secondary() {
        List<Map<String, Object>> before = keys();
        simulator.rotateSigningKeys();
        List<Map<String, Object>> after = keys();
        assertEquals(2, after.size());
        String newPrimary = (String) after.get(0).get("kid");
        assertFalse(before.stream().anyMatch(key -> key.get("kid").equals(newPrimary)), "a fresh key");
        assertEquals(before.get(0).get("kid"), after.get(1).get("kid"), "the old primary is now secondary");
        String idToken = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                .idToken();
        assertEquals(newPrimary, JoseText.header(idToken).get("kid"));
        JWK published;
        try {
            published = JWK.parse(after.get(0));
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
        assertTrue(JoseText.verifies(idToken, published.toRSAKey()));
        assertNotEquals(before.get(0).get("n"), after.get(0).get("n"));
    }

    @Test
    void every_fetch_is_recorded_with_its_time() {
        keys();
        SharedSimulator.CLOCK.advance(Duration.ofSeconds(5));
        Instant since = simulator.now();
        keys();
        keys();
        assertEquals(2, simulator.recorder().jwksRequestsSince(since).size());
        assertEquals(3, simulator.recorder().jwksRequests().size());
        assertEquals(since, simulator.recorder().jwksRequests().get(1).receivedAt());
        simulator.recorder().clear();
        assertTrue(simulator.recorder().jwksRequests().isEmpty());
    }
}
