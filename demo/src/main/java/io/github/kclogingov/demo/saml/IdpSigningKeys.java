package io.github.kclogingov.demo.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.rotation.KeyLocator;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The realm's SAML signing keys, read from Keycloak's IdP metadata ({@code .../protocol/saml/descriptor}):
 * the certificates of its {@code KeyDescriptor}s for signing. Read again for each response, so that
 * a key the realm rotates is picked up (a demo signs in rarely; a production SP would cache them).
 */
final class IdpSigningKeys {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI descriptor;

    IdpSigningKeys(String descriptorUrl) {
        this.descriptor = URI.create(descriptorUrl);
    }

    /** @throws SamlProblem when the metadata cannot be read or names no signing certificate */
    KeyLocator fetch() throws SamlProblem {
        String xml;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(descriptor)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new SamlProblem("Keycloak's SAML metadata (" + descriptor + ") answered HTTP "
                        + response.statusCode() + "; without the realm's certificate no response can be checked.");
            }
            xml = response.body();
        } catch (IOException e) {
            throw new SamlProblem(
                    "Keycloak's SAML metadata (" + descriptor + ") could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SamlProblem("Interrupted while reading Keycloak's SAML metadata", e);
        }
        return fromMetadata(xml);
    }

    /** The signing keys of an IdP metadata document. */
    static KeyLocator fromMetadata(String xml) throws SamlProblem {
        List<PublicKey> keys = new ArrayList<>();
        try {
            Document metadata = DocumentUtil.getDocument(xml);
            NodeList descriptors = metadata.getElementsByTagNameNS(MD, "KeyDescriptor");
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < descriptors.getLength(); i++) {
                Element keyDescriptor = (Element) descriptors.item(i);
                String use = keyDescriptor.getAttribute("use");
                if (!use.isEmpty() && !"signing".equals(use)) {
                    continue;
                }
                NodeList certificates = keyDescriptor.getElementsByTagNameNS(DS, "X509Certificate");
                for (int j = 0; j < certificates.getLength(); j++) {
                    byte[] der = Base64.getMimeDecoder()
                            .decode(certificates.item(j).getTextContent().strip());
                    keys.add(factory.generateCertificate(new ByteArrayInputStream(der))
                            .getPublicKey());
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SamlProblem("Keycloak's SAML metadata holds a certificate that cannot be read", e);
        } catch (ConfigurationException | ParsingException | ProcessingException e) {
            throw new SamlProblem("Keycloak's SAML metadata is not XML this service provider can read", e);
        }
        if (keys.isEmpty()) {
            throw new SamlProblem("Keycloak's SAML metadata names no signing certificate");
        }
        return new HardcodedKeyLocator(keys);
    }
}
