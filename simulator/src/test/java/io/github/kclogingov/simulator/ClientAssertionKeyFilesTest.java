package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAssertionKeyFilesTest {
    @TempDir
    Path folder;

    @Test
    void the_environment_key_signs_what_the_pem_certificate_verifies() throws Exception {
        assertTrue(ClientAssertionKeyFiles.writeIfAbsent(folder));

        Map<String, String> environment = environment();
        assertEquals(
                Set.of("LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY", "LOGINGOV_CLIENT_ASSERTION_CERTIFICATE"),
                environment.keySet());
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate pem = (X509Certificate) factory.generateCertificate(
                Files.newInputStream(folder.resolve(ClientAssertionKeyFiles.CERTIFICATE_FILE)));
        X509Certificate der = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                Base64.getDecoder().decode(environment.get("LOGINGOV_CLIENT_ASSERTION_CERTIFICATE"))));
        assertEquals(pem, der);

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(environment.get("LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY")))));
        byte[] data = "client assertion".getBytes(StandardCharsets.US_ASCII);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pem);
        verifier.update(data);
        assertTrue(verifier.verify(signature));
        assertFalse(Files.exists(folder.resolve(ClientAssertionKeyFiles.ENVIRONMENT_FILE + ".partial")));
    }

    @Test
    void keeps_the_key_already_there_because_keycloak_imported_it_once() throws Exception {
        assertTrue(ClientAssertionKeyFiles.writeIfAbsent(folder));
        String before = Files.readString(folder.resolve(ClientAssertionKeyFiles.ENVIRONMENT_FILE));
        String certificateBefore = Files.readString(folder.resolve(ClientAssertionKeyFiles.CERTIFICATE_FILE));

        assertFalse(ClientAssertionKeyFiles.writeIfAbsent(folder));

        assertEquals(before, Files.readString(folder.resolve(ClientAssertionKeyFiles.ENVIRONMENT_FILE)));
        assertEquals(certificateBefore, Files.readString(folder.resolve(ClientAssertionKeyFiles.CERTIFICATE_FILE)));
    }

    private Map<String, String> environment() throws Exception {
        return Files.readAllLines(folder.resolve(ClientAssertionKeyFiles.ENVIRONMENT_FILE)).stream()
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }
}
