package io.github.kclogingov.broker.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;

/** Realm keys as Keycloak's key providers describe them, with real key pairs and certificates. */
final class TestKeys {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static KeyPair rsa2048;

    private TestKeys() {}

    /** A passive RS256 signing key with a certificate valid for a year: what saving accepts. */
    static KeyWrapper passiveRsa(String kid) {
        return rsa(kid, rsa2048(), NOW.plus(Duration.ofDays(365)));
    }

    static KeyWrapper rsa(String kid, KeyPair pair, Instant notAfter) {
        KeyWrapper key = new KeyWrapper();
        key.setKid(kid);
        key.setType(KeyType.RSA);
        key.setAlgorithm("RS256");
        key.setUse(KeyUse.SIG);
        key.setStatus(KeyStatus.PASSIVE);
        key.setPrivateKey(pair.getPrivate());
        key.setPublicKey(pair.getPublic());
        key.setCertificate(certificate(pair, "SHA256withRSA", notAfter));
        return key;
    }

    static KeyWrapper ec(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            KeyWrapper key = new KeyWrapper();
            key.setKid(kid);
            key.setType(KeyType.EC);
            key.setAlgorithm("ES256");
            key.setUse(KeyUse.SIG);
            key.setStatus(KeyStatus.PASSIVE);
            key.setPrivateKey(pair.getPrivate());
            key.setPublicKey(pair.getPublic());
            key.setCertificate(certificate(pair, "SHA256withECDSA", NOW.plus(Duration.ofDays(365))));
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized KeyPair rsa2048() {
        if (rsa2048 == null) {
            rsa2048 = rsaPair(2048);
        }
        return rsa2048;
    }

    static KeyPair rsaPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(KeyPair pair, String signatureAlgorithm, Instant notAfter) {
        try {
            X500Name name = new X500Name("CN=agency app login.gov");
            return new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.ONE,
                                    Date.from(notAfter.minus(Duration.ofDays(3650))),
                                    Date.from(notAfter),
                                    name,
                                    pair.getPublic())
                            .build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
