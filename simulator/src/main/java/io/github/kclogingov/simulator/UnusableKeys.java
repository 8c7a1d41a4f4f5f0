package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWKS entries that can never verify an id_token, for {@link JwksOptions#publishUnknownKeyTypes}: a
 * relying party must skip them, not fail on them. Made once, on first use; public parts only.
 */
final class UnusableKeys {
    static final String UNKNOWN_KEY_TYPE = "XYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private List<Map<String, Object>> entries;

    synchronized List<Map<String, Object>> entries() {
        if (entries == null) {
            entries = generate();
        }
        return entries;
    }

    private static List<Map<String, Object>> generate() {
        try {
            List<Map<String, Object>> generated = new ArrayList<>();
            generated.add(new ECKeyGenerator(Curve.P_256)
                    .keyID(SigningKeys.opaqueKeyId())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate()
                    .toPublicJWK()
                    .toJSONObject());
            // Written by hand: nimbus needs an optional library to generate Ed25519 keys.
            generated.add(entry("OKP", Map.of("crv", "Ed25519", "x", randomBase64Url(32))));
            generated.add(entry(UNKNOWN_KEY_TYPE, Map.of("x", randomBase64Url(32))));
            RSAKey encryption = new RSAKeyGenerator(2048)
                    .keyID(SigningKeys.opaqueKeyId())
                    .keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.RSA_OAEP_256)
                    .generate();
            generated.add(encryption.toPublicJWK().toJSONObject());
            return List.copyOf(generated);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the unusable JWKS entries", e);
        }
    }

    private static Map<String, Object> entry(String keyType, Map<String, Object> members) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kty", keyType);
        entry.put("use", "sig");
        entry.put("kid", SigningKeys.opaqueKeyId());
        entry.putAll(members);
        return entry;
    }

    private static String randomBase64Url(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64URL.encode(random).toString();
    }
}
