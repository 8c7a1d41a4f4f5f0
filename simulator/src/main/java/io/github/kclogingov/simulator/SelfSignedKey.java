package io.github.kclogingov.simulator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA-2048 key pair with a self-signed certificate, as an agency uploads to Login.gov's portal
 * for {@code private_key_jwt}. For tests and the demo: the key is made in memory and never stored.
 */
public final class SelfSignedKey {
    private static final int KEY_BITS = 2048;
    /** Login.gov ignores certificate expiry; ten years keeps other tools from complaining. */
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedKey(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /**
     * Generates a key pair and a SHA256withRSA self-signed certificate.
     *
     * @param distinguishedName subject and issuer, e.g. {@code "CN=demo-app"}
     */
    public static SelfSignedKey generate(String distinguishedName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, RANDOM);
            KeyPair keyPair = generator.generateKeyPair();
            return new SelfSignedKey(keyPair, certify(keyPair, distinguishedName));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a self-signed key", e);
        }
    }

    /** A SHA256withRSA self-signed certificate of an existing key pair. */
    static X509Certificate certify(KeyPair keyPair, String distinguishedName) {
        try {
            X500Name name = new X500Name(distinguishedName);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(64, RANDOM).abs(),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)),
                    name,
                    keyPair.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot certify a key", e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public RSAPrivateKey privateKey() {
        return (RSAPrivateKey) keyPair.getPrivate();
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as PEM, what the portal (and {@link ServiceProvider#privateKeyJwt}) takes. */
    public String certificatePem() {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(encodedCertificate())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The DER certificate as one line of base64, no headers (Keycloak's "rsa" key provider takes this). */
    public String certificateBase64() {
        return Base64.getEncoder().encodeToString(encodedCertificate());
    }

    /** The PKCS#8 private key as one line of base64, no headers (Keycloak's "rsa" key provider takes this). */
    public String privateKeyPkcs8Base64() {
        return Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());
    }

    private byte[] encodedCertificate() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the certificate", e);
        }
    }

    @Override
    public String toString() {
        return "SelfSignedKey[" + certificate.getSubjectX500Principal() + "]";
    }
}
