package io.github.kclogingov.it.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The provider's certificate download for the Login.gov partner portal, fetched as an admin's
 * browser would: {@code GET /realms/<realm>/logingov/<alias>/client-assertion-certificate.pem},
 * with no credentials.
 */
public final class ClientAssertionCertificate {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ClientAssertionCertificate() {}

    public static String url(BrokerRealm realm, String alias) {
        return realm.realmUrl() + "/logingov/" + alias + "/client-assertion-certificate.pem";
    }

    /** The download of the provider's current key's certificate. */
    public static HttpResponse<String> download(BrokerRealm realm, String alias) {
        return get(url(realm, alias));
    }

    /** The download of another key's certificate (the next key of a rotation). */
    public static HttpResponse<String> download(BrokerRealm realm, String alias, String kid) {
        return get(url(realm, alias) + "?kid=" + URLEncoder.encode(kid, StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new AssertionError("not a PEM certificate: " + pem, e);
        }
    }

    /** A certificate as Keycloak's key list gives it (base64 DER, no PEM lines). */
    public static X509Certificate fromBase64(String der) {
        return parse("-----BEGIN CERTIFICATE-----\n" + der + "\n-----END CERTIFICATE-----\n");
    }

    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
