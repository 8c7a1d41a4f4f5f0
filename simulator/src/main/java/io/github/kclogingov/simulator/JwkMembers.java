package io.github.kclogingov.simulator;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One published key as a JSON object, with the members {@link JwksOptions} asks for, in the order it
 * asks for. The certificate of {@link JwksOptions.Members#ALL} is made once per key: a self-signed
 * certificate of the signing key itself, so {@code x5c} holds the very key the JWK describes.
 */
final class JwkMembers {
    private final Map<String, String> certificates = new ConcurrentHashMap<>();

    Map<String, Object> of(RSAKey key, JwksOptions options, boolean withKid) {
        Map<String, Object> usual = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        Map<String, Object> members = new LinkedHashMap<>();
        switch (options.members()) {
            case USUAL -> members.putAll(usual);
            case MINIMAL -> {
                members.put("kty", usual.get("kty"));
                members.put("n", usual.get("n"));
                members.put("e", usual.get("e"));
                members.put("kid", usual.get("kid"));
            }
            case ALL -> {
                members.putAll(usual);
                members.put("key_ops", List.of("verify"));
                String certificate = certificates.computeIfAbsent(key.getKeyID(), kid -> certificate(key));
                byte[] der = Base64.getDecoder().decode(certificate);
                members.put("x5c", List.of(certificate));
                members.put("x5t", Base64URL.encode(digest("SHA-1", der)).toString());
                members.put("x5t#S256", Base64URL.encode(digest("SHA-256", der)).toString());
            }
        }
        if (!withKid) {
            members.remove("kid");
        }
        return options.shuffledMembers() ? shuffled(members) : members;
    }

    private static Map<String, Object> shuffled(Map<String, Object> members) {
        List<String> names = new ArrayList<>(members.keySet());
        Collections.shuffle(names);
        if (names.get(0).equals("kty")) {
            Collections.rotate(names, -1);
        }
        Map<String, Object> reordered = new LinkedHashMap<>();
        names.forEach(name -> reordered.put(name, members.get(name)));
        return reordered;
    }

    private static String certificate(RSAKey key) {
        try {
            return Base64.getEncoder()
                    .encodeToString(SelfSignedKey.certify(key.toKeyPair(), "CN=login.gov simulator signing key")
                            .getEncoded());
        } catch (com.nimbusds.jose.JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot certify the signing key", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
