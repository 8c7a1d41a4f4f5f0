package io.github.kclogingov.demo.saml;

import java.io.IOException;
import java.net.URI;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.saml.BaseSAML2BindingBuilder;
import org.keycloak.saml.SAML2AuthnRequestBuilder;
import org.keycloak.saml.SAML2RequestedAuthnContextBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.w3c.dom.Document;

/**
 * AuthnRequests of the demo service provider, sent with the HTTP-Redirect binding and unsigned (its
 * client in the realm does not require signed requests: an agency's production client should, see
 * docs/saml-applications.md). Built by Keycloak's SAML library; nothing here writes XML by hand.
 */
final class AuthnRequests {
    private final SamlSpSettings settings;

    AuthnRequests(SamlSpSettings settings) {
        this.settings = settings;
    }

    /** A request ready to send: its ID (the response's InResponseTo) and the URL to send the browser to. */
    record Outgoing(String id, URI redirect) {}

    /**
     * A request for {@code classRef} with {@code comparison}, or for no particular level when {@code
     * classRef} is null.
     */
    Outgoing create(String classRef, AuthnContextComparisonType comparison, String relayState) {
        SAML2AuthnRequestBuilder builder = new SAML2AuthnRequestBuilder()
                .destination(settings.idpSsoUrl())
                .issuer(settings.entityId())
                .assertionConsumerUrl(settings.acsUrl())
                .protocolBinding(JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.get());
        if (classRef != null) {
            builder.requestedAuthnContext(new SAML2RequestedAuthnContextBuilder()
                    .setComparison(comparison)
                    .addAuthnContextClassRef(classRef));
        }
        try {
            Document document = builder.toDocument();
            String id = document.getDocumentElement().getAttribute("ID");
            URI redirect = new BaseSAML2BindingBuilder<>()
                    .relayState(relayState)
                    .redirectBinding(document)
                    .requestURI(settings.idpSsoUrl());
            return new Outgoing(id, redirect);
        } catch (ProcessingException | ConfigurationException | IOException e) {
            // The library failed on a request it built itself from fixed settings: a bug, not user input.
            throw new IllegalStateException("Cannot build a SAML AuthnRequest: " + e.getMessage(), e);
        }
    }
}
