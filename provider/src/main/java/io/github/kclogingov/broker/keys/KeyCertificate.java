package io.github.kclogingov.broker.keys;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * A client assertion key's certificate as people and the Login.gov partner portal need it: a
 * one-line description for the admin console, and PEM for the upload.
 */
public final class KeyCertificate {

    /** RFC 7468 lines: 64 base64 characters each. */
    private static final Base64.Encoder PEM_BODY = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private KeyCertificate() {}

    /** "CN=demo, expires 2036-05-01" (UTC): what the admin checks against the partner portal. */
    public static String summary(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + ", expires "
                + certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The certificate alone (never a key) between BEGIN and END CERTIFICATE lines, ending with a newline. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + PEM_BODY.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded", e);
        }
    }
}
