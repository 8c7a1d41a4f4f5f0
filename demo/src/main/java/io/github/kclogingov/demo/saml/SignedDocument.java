package io.github.kclogingov.demo.saml;

import java.io.ByteArrayInputStream;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignatureException;
import org.keycloak.rotation.KeyLocator;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.keycloak.saml.processing.web.util.PostBindingUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A SAML Response as posted to the assertion consumer service, parsed and with its signatures
 * checked: the Response itself must be signed, and so must its assertion when it has one (the
 * realm's client signs both). The cryptography is Keycloak's library's ({@link XMLSignatureUtil},
 * the check Keycloak's own SAML broker runs); this class only insists that each signature is there
 * and covers the element it sits in, so that a signed element moved elsewhere in the document
 * (signature wrapping) is not taken for the one that is read.
 */
final class SignedDocument {
    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private SignedDocument() {}

    /** The Response document, once every check here passed. */
    static Document verified(String samlResponseParameter, KeyLocator keys) throws SamlProblem {
        Document document = parse(samlResponseParameter);
        Element response = document.getDocumentElement();
        if (!PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new SamlProblem("What was posted is not a SAML Response.");
        }
        requireEnvelopedSignature(response, "The response is not signed.");
        NodeList assertions = document.getElementsByTagNameNS(ASSERTION, "Assertion");
        if (assertions.getLength() > 1) {
            throw new SamlProblem("The response holds more than one assertion.");
        }
        if (document.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").getLength() > 0) {
            throw new SamlProblem(
                    "The response holds an encrypted assertion; this service provider has no key for it.");
        }
        if (assertions.getLength() == 1) {
            Element assertion = (Element) assertions.item(0);
            if (assertion.getParentNode() != response) {
                throw new SamlProblem("The response's assertion is not where a SAML Response keeps it.");
            }
            requireEnvelopedSignature(assertion, "The response's assertion is not signed.");
        }
        try {
            if (!XMLSignatureUtil.validate(document, keys)) {
                throw new SamlProblem("A signature of the response does not verify with the realm's certificate.");
            }
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            throw new SamlProblem("A signature of the response cannot be checked: " + e.getMessage(), e);
        }
        return document;
    }

    private static Document parse(String samlResponseParameter) throws SamlProblem {
        if (samlResponseParameter == null || samlResponseParameter.isBlank()) {
            throw new SamlProblem("Nothing was posted: the request carries no SAMLResponse.");
        }
        byte[] xml;
        try {
            xml = PostBindingUtil.base64Decode(samlResponseParameter);
        } catch (IllegalArgumentException e) {
            throw new SamlProblem("The SAMLResponse is not base64.", e);
        }
        try {
            // Keycloak's parser: no DTDs, no external entities.
            return DocumentUtil.getDocument(new ByteArrayInputStream(xml));
        } catch (ConfigurationException | ParsingException | ProcessingException e) {
            throw new SamlProblem("The SAMLResponse is not XML.", e);
        }
    }

    /**
     * {@code element} must have a ds:Signature child whose one Reference points at {@code element}'s
     * own ID. The ID is also registered as an ID, so that the signature check resolves the reference
     * to this very element.
     */
    private static void requireEnvelopedSignature(Element element, String missing) throws SamlProblem {
        String id = element.getAttribute("ID");
        Element signature = null;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element candidate
                    && DS.equals(candidate.getNamespaceURI())
                    && "Signature".equals(candidate.getLocalName())) {
                signature = candidate;
            }
        }
        if (signature == null || id.isEmpty()) {
            throw new SamlProblem(missing);
        }
        NodeList references = signature.getElementsByTagNameNS(DS, "Reference");
        if (references.getLength() != 1 || !("#" + id).equals(((Element) references.item(0)).getAttribute("URI"))) {
            throw new SamlProblem("A signature of the response does not cover the element it is in.");
        }
        element.setIdAttribute("ID", true);
    }
}
