package io.github.kclogingov.demo.saml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;

/** Reads a checked assertion into a {@link SamlSignIn}. */
final class AssertionContents {
    private AssertionContents() {}

    static SamlSignIn of(AssertionType assertion) throws SamlProblem {
        if (assertion.getSubject() == null
                || assertion.getSubject().getSubType() == null
                || !(assertion.getSubject().getSubType().getBaseID() instanceof NameIDType nameId)) {
            throw new SamlProblem("The assertion names no subject (NameID).");
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (AttributeStatementType statement : assertion.getAttributeStatements()) {
            for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
                AttributeType attribute = choice.getAttribute();
                if (attribute != null) {
                    List<String> values = attributes.computeIfAbsent(attribute.getName(), name -> new ArrayList<>());
                    attribute.getAttributeValue().forEach(value -> values.add(String.valueOf(value)));
                }
            }
        }
        String classRef = null;
        String sessionIndex = null;
        for (Object statement : assertion.getStatements()) {
            if (statement instanceof AuthnStatementType authn) {
                sessionIndex = authn.getSessionIndex();
                if (authn.getAuthnContext() != null
                        && authn.getAuthnContext().getSequence() != null
                        && authn.getAuthnContext().getSequence().getClassRef() != null) {
                    classRef = authn.getAuthnContext()
                            .getSequence()
                            .getClassRef()
                            .getValue()
                            .toString();
                }
            }
        }
        return new SamlSignIn(
                nameId.getValue(),
                nameId.getFormat() == null ? null : nameId.getFormat().toString(),
                attributes,
                classRef,
                sessionIndex);
    }
}
