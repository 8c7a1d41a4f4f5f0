package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.Registration;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedKeyTest {
    private static final SelfSignedKey KEY = TestClients.KEY_A;

    @Test
    void is_rsa_2048_with_a_self_signed_sha256_certificate() throws Exception {
        assertEquals(2048, KEY.publicKey().getModulus().bitLength());
        X509Certificate certificate = KEY.certificate();
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals("CN=test-key-a", certificate.getSubjectX500Principal().getName());
        certificate.verify(KEY.publicKey());
    }

    @Test
    void encodings_are_single_line_and_read_back() throws Exception {
        String pkcs8 = KEY.privateKeyPkcs8Base64();
        String der = KEY.certificateBase64();
        assertFalse(pkcs8.contains("\n") || pkcs8.contains("-----"));
        assertFalse(der.contains("\n") || der.contains("-----"));
        assertEquals(
                KEY.privateKey(),
                KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8))));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        assertEquals(
                KEY.certificate(),
                factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(der))));
        assertTrue(KEY.certificatePem().startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertEquals(
                KEY.certificate(),
                factory.generateCertificate(
                        new ByteArrayInputStream(KEY.certificatePem().getBytes())));
    }

    @Test
    void service_providers_refuse_keys_login_gov_would_refuse() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceProvider.privateKeyJwt(
                        "client", List.of("http://localhost/cb"), List.of(), Registration.AUTH_ONLY));
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceProvider.privateKeyJwt(
                        "client",
                        List.of("http://localhost/cb"),
                        List.of("not a certificate"),
                        Registration.AUTH_ONLY));
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceProvider.pkce("has whitespace", List.of("http://localhost/cb"), Registration.AUTH_ONLY));
    }
}
