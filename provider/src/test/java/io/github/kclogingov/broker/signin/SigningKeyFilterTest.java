package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.PublicKeysWrapper;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.util.JWKSUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Which keys of Login.gov's JWKS may verify an id_token. The JWKS goes through the same Keycloak
 * parsing as {@code OIDCIdentityProviderPublicKeyLoader} uses, so that a Keycloak upgrade that
 * stops tolerating keys of other types (or starts returning them differently) is noticed here.
 */
class SigningKeyFilterTest {

    static RSAPublicKey signing;
    static RSAPublicKey encryption;
    static RSAPublicKey otherAlgorithm;
    static ECPublicKey ec;
    static byte[] ed25519;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        signing = (RSAPublicKey) rsa.generateKeyPair().getPublic();
        encryption = (RSAPublicKey) rsa.generateKeyPair().getPublic();
        otherAlgorithm = (RSAPublicKey) rsa.generateKeyPair().getPublic();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(256);
        ec = (ECPublicKey) ecGenerator.generateKeyPair().getPublic();
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = ed.getPublic().getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key is the last 32 bytes
        ed25519 = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return b64(out);
    }

    static String rsaJwk(String kid, RSAPublicKey key, String extra) {
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(key.getModulus(), 256) + "\",\"e\":\""
                + b64(key.getPublicExponent().toByteArray()) + "\"" + extra + "}";
    }

    /** Login.gov's key among every kind of key a JWKS might also hold. */
    static String mixedJwks() {
        return "{\"keys\":["
                + "{\"kty\":\"EC\",\"kid\":\"ec\",\"use\":\"sig\",\"crv\":\"P-256\",\"x\":\""
                + unsigned(ec.getW().getAffineX(), 32) + "\",\"y\":\""
                + unsigned(ec.getW().getAffineY(), 32) + "\"},"
                + "{\"kty\":\"OKP\",\"kid\":\"okp\",\"use\":\"sig\",\"crv\":\"Ed25519\",\"x\":\"" + b64(ed25519)
                + "\"},"
                + "{\"kty\":\"XYZ\",\"kid\":\"xyz\",\"use\":\"sig\",\"q\":\"made up\"},"
                + "{\"kty\":\"EC\",\"kid\":\"broken-ec\",\"use\":\"sig\",\"crv\":\"P-999\"},"
                + rsaJwk("enc", encryption, ",\"use\":\"enc\"") + ","
                + rsaJwk("rs512", otherAlgorithm, ",\"use\":\"sig\",\"alg\":\"RS512\"") + ","
                + rsaJwk("primary", signing, ",\"alg\":\"RS256\"")
                + "]}";
    }

    /** What Keycloak's loader makes of a JWKS: signature keys, a key without {@code use} counted as one. */
    static List<KeyWrapper> asKeycloakLoadsIt(String jwks) throws Exception {
        PublicKeysWrapper keys = JWKSUtils.getKeyWrappersForUse(
                JsonSerialization.readValue(jwks, JSONWebKeySet.class), JWK.Use.SIG, true);
        return keys.getKeys();
    }

    @Nested
    class AMixedJwks {
        @Test
        void yields_login_gov_s_rsa_signing_key_and_only_it() throws Exception {
            List<RSAPublicKey> usable = asKeycloakLoadsIt(mixedJwks()).stream()
                    .map(SigningKeyFilter::rs256)
                    .flatMap(Optional::stream)
                    .toList();
            assertEquals(1, usable.size());
            assertEquals(signing.getModulus(), usable.get(0).getModulus());
        }

        @Test
        void keycloak_skips_unknown_types_broken_keys_and_encryption_keys_without_failing() throws Exception {
            List<String> kids = asKeycloakLoadsIt(mixedJwks()).stream()
                    .map(KeyWrapper::getKid)
                    .toList();
            assertTrue(kids.contains("primary"), kids::toString);
            assertFalse(kids.contains("xyz"), kids::toString);
            assertFalse(kids.contains("enc"), kids::toString);
            assertFalse(kids.contains("broken-ec"), kids::toString);
        }
    }

    @Nested
    class OneKey {
        static KeyWrapper rsa(RSAPublicKey key, KeyUse use, String algorithm) {
            KeyWrapper wrapper = new KeyWrapper();
            wrapper.setKid("k");
            wrapper.setType(KeyType.RSA);
            wrapper.setUse(use);
            wrapper.setAlgorithm(algorithm);
            wrapper.setPublicKey(key);
            return wrapper;
        }

        @Test
        void an_rsa_signature_key_for_rs256_or_no_stated_algorithm_is_usable() {
            assertEquals(Optional.of(signing), SigningKeyFilter.rs256(rsa(signing, KeyUse.SIG, "RS256")));
            assertEquals(Optional.of(signing), SigningKeyFilter.rs256(rsa(signing, KeyUse.SIG, null)));
            assertEquals(Optional.of(signing), SigningKeyFilter.rs256(rsa(signing, null, null)));
        }

        @Test
        void an_encryption_key_or_a_key_for_another_algorithm_is_not() {
            assertEquals(Optional.empty(), SigningKeyFilter.rs256(rsa(signing, KeyUse.ENC, "RS256")));
            assertEquals(Optional.empty(), SigningKeyFilter.rs256(rsa(signing, KeyUse.SIG, "PS256")));
        }

        @Test
        void a_key_of_another_type_is_not() {
            KeyWrapper wrapper = rsa(signing, KeyUse.SIG, null);
            wrapper.setType(KeyType.EC);
            assertEquals(Optional.empty(), SigningKeyFilter.rs256(wrapper));
            wrapper.setType(KeyType.RSA);
            wrapper.setPublicKey(ec);
            assertEquals(Optional.empty(), SigningKeyFilter.rs256(wrapper));
            assertEquals(Optional.empty(), SigningKeyFilter.rs256(null));
        }
    }
}
