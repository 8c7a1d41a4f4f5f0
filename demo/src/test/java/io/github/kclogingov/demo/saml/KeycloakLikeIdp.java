package io.github.kclogingov.demo.saml;

import io.github.kclogingov.simulator.SelfSignedKey;
import java.net.URI;
import java.util.List;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextClassRefType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.saml.BaseSAML2BindingBuilder;
import org.keycloak.saml.SAML2ErrorResponseBuilder;
import org.keycloak.saml.SAML2LoginResponseBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;

/**
 * Responses as Keycloak's realm sends them, built and signed with the same library Keycloak uses
 * (its SAML protocol builds its responses with these builders), with a key of the test's own.
 */
final class KeycloakLikeIdp {
    static final String REALM_URL = "http://localhost:8080/realms/demo";
    static final String ENTITY_ID = "demo-saml-app";
    static final String ACS = "http://localhost:8083/saml/acs";

    final SelfSignedKey key = SelfSignedKey.generate("CN=demo realm SAML signing");

    static {
        SamlLibrary.init();
    }

    /** A sign-in answering {@code requestId}, with attributes and a class ref, as a DOM to tamper with. */
    Document signIn(String requestId, String audience, String classRef) throws Exception {
        ResponseType response = new SAML2LoginResponseBuilder()
                .requestID(requestId)
                .destination(ACS)
                .issuer(REALM_URL)
                .requestIssuer(audience)
                .assertionExpiration(60)
                .subjectExpiration(60)
                .sessionIndex("session-1")
                .authMethod(JBossSAMLURIConstants.AC_UNSPECIFIED.get())
                .nameIdentifier(JBossSAMLURIConstants.NAMEID_FORMAT_UNSPECIFIED.get(), "jane.doe")
                .buildModel();
        AssertionType assertion = response.getAssertions().get(0).getAssertion();
        AttributeStatementType attributes = new AttributeStatementType();
        AttributeType email = new AttributeType("email");
        email.addAttributeValue("jane@example.com");
        attributes.addAttribute(new AttributeStatementType.ASTChoiceType(email));
        assertion.addStatement(attributes);
        if (classRef != null) {
            for (Object statement : assertion.getStatements()) {
                if (statement instanceof AuthnStatementType authn) {
                    AuthnContextType context = new AuthnContextType();
                    AuthnContextType.AuthnContextTypeSequence sequence =
                            new AuthnContextType.AuthnContextTypeSequence();
                    sequence.setClassRef(new AuthnContextClassRefType(URI.create(classRef)));
                    context.setSequence(sequence);
                    authn.setAuthnContext(context);
                }
            }
        }
        return new SAML2LoginResponseBuilder().buildDocument(response);
    }

    /** A Responder/NoAuthnContext answer to {@code requestId}. */
    Document noAuthnContext(String requestId) throws Exception {
        return new SAML2ErrorResponseBuilder()
                .status(SamlStatus.NO_AUTHN_CONTEXT)
                .destination(ACS)
                .issuer(REALM_URL)
                .inResponseTo(requestId)
                .buildDocument();
    }

    /** Signs the response and (if any) its assertion with {@code signer}, and encodes it as posted. */
    static String post(Document document, SelfSignedKey signer, boolean signAssertion) throws Exception {
        BaseSAML2BindingBuilder<?> builder = new BaseSAML2BindingBuilder<>()
                .signWith("kid", signer.keyPair(), signer.certificate())
                .signatureAlgorithm(org.keycloak.saml.SignatureAlgorithm.RSA_SHA256)
                .signDocument();
        if (signAssertion) {
            builder.signAssertions();
        }
        return builder.postBinding(document).encoded();
    }

    /** Encodes the response as posted, without signing it. */
    static String unsigned(Document document) throws Exception {
        return java.util.Base64.getEncoder()
                .encodeToString(
                        DocumentUtil.getDocumentAsString(document).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static SamlSpSettings settings() {
        return new SamlSpSettings(
                URI.create("http://localhost:8083/"),
                ENTITY_ID,
                REALM_URL,
                List.of(
                        new SamlLevel("auth-only", "urn:acr.login.gov:auth-only"),
                        new SamlLevel("verified", "urn:acr.login.gov:verified")));
    }
}
