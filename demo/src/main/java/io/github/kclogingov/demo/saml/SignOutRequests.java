package io.github.kclogingov.demo.saml;

import java.io.IOException;
import java.net.URI;
import org.keycloak.saml.BaseSAML2BindingBuilder;
import org.keycloak.saml.SAML2LogoutRequestBuilder;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;

/**
 * The service provider's LogoutRequest (HTTP-Redirect, unsigned like its AuthnRequests): the NameID
 * and SessionIndex of the sign-in it ends. Keycloak ends its session, and the Login.gov provider
 * the Login.gov session, then Keycloak sends its LogoutResponse to {@code /saml/logout}. The local
 * session is gone before the browser leaves, so that answer changes nothing and is not checked.
 */
final class SignOutRequests {
    private final SamlSpSettings settings;

    SignOutRequests(SamlSpSettings settings) {
        this.settings = settings;
    }

    URI create(SamlSignIn signIn) {
        try {
            SAML2LogoutRequestBuilder builder = new SAML2LogoutRequestBuilder()
                    .destination(settings.idpSsoUrl())
                    .issuer(settings.entityId())
                    .userPrincipal(signIn.nameId(), signIn.nameIdFormat());
            if (signIn.sessionIndex() != null) {
                builder.sessionIndex(signIn.sessionIndex());
            }
            return new BaseSAML2BindingBuilder<>()
                    .redirectBinding(builder.buildDocument())
                    .requestURI(settings.idpSsoUrl());
        } catch (ProcessingException | ConfigurationException | ParsingException | IOException e) {
            // Built from fixed settings and a checked assertion: a failure is a bug of the demo.
            throw new IllegalStateException("Cannot build a SAML LogoutRequest: " + e.getMessage(), e);
        }
    }
}
