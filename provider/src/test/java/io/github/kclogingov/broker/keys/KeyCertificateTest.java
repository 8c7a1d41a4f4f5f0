package io.github.kclogingov.broker.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCertificateTest {

    private final X509Certificate certificate =
            TestKeys.certificate(TestKeys.rsa2048(), "SHA256withRSA", Instant.parse("2027-03-04T05:06:07Z"));

    @Test
    void the_summary_names_the_subject_and_the_day_it_expires() {
        assertEquals("CN=agency app login.gov, expires 2027-03-04", KeyCertificate.summary(certificate));
    }

    @Test
    void the_pem_holds_the_certificate_in_64_character_lines() throws Exception {
        String pem = KeyCertificate.pem(certificate);
        List<String> lines = pem.lines().toList();
        assertEquals("-----BEGIN CERTIFICATE-----", lines.get(0));
        assertEquals("-----END CERTIFICATE-----", lines.get(lines.size() - 1));
        assertTrue(pem.endsWith("-----END CERTIFICATE-----\n"));
        List<String> body = lines.subList(1, lines.size() - 1);
        body.subList(0, body.size() - 1).forEach(line -> assertEquals(64, line.length(), line));
        assertTrue(body.get(body.size() - 1).length() <= 64);
        assertFalse(pem.contains("\r"));

        X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(certificate, read);
    }

    @Test
    void the_pem_holds_nothing_of_the_private_key() {
        assertFalse(KeyCertificate.pem(certificate).contains("PRIVATE"));
    }
}
