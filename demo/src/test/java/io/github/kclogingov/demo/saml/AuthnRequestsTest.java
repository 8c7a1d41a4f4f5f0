package io.github.kclogingov.demo.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.keycloak.saml.processing.web.util.RedirectBindingUtil;

class AuthnRequestsTest {
    static {
        SamlLibrary.init();
    }

    private final AuthnRequests requests = new AuthnRequests(KeycloakLikeIdp.settings());

    private static AuthnRequestType decode(URI redirect) throws Exception {
        String query = redirect.getRawQuery();
        String encoded = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("SAMLRequest=")) {
                encoded = URLDecoder.decode(pair.substring("SAMLRequest=".length()), StandardCharsets.UTF_8);
            }
        }
        try (InputStream xml = RedirectBindingUtil.base64DeflateDecode(encoded)) {
            return new SAML2Request().getAuthnRequestType(xml);
        }
    }

    @Test
    void a_level_goes_in_requested_authn_context_with_its_comparison() throws Exception {
        AuthnRequests.Outgoing outgoing =
                requests.create("urn:acr.login.gov:verified", AuthnContextComparisonType.MINIMUM, null);

        assertTrue(
                outgoing.redirect().toString().startsWith(KeycloakLikeIdp.REALM_URL + "/protocol/saml?SAMLRequest="));
        AuthnRequestType request = decode(outgoing.redirect());
        assertEquals(outgoing.id(), request.getID());
        assertEquals(KeycloakLikeIdp.ENTITY_ID, request.getIssuer().getValue());
        assertEquals(
                KeycloakLikeIdp.ACS, request.getAssertionConsumerServiceURL().toString());
        assertEquals(
                AuthnContextComparisonType.MINIMUM,
                request.getRequestedAuthnContext().getComparison());
        assertEquals(
                java.util.List.of("urn:acr.login.gov:verified"),
                request.getRequestedAuthnContext().getAuthnContextClassRef());
    }

    @Test
    void no_level_sends_no_requested_authn_context() throws Exception {
        AuthnRequests.Outgoing outgoing = requests.create(null, AuthnContextComparisonType.EXACT, null);

        assertNull(decode(outgoing.redirect()).getRequestedAuthnContext());
    }
}
