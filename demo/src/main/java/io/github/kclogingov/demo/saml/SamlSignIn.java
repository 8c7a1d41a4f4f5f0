package io.github.kclogingov.demo.saml;

import java.util.List;
import java.util.Map;

/**
 * What a checked assertion says: who signed in, the attributes, and the level reached.
 *
 * @param nameId the NameID's value
 * @param nameIdFormat the NameID's format URI, or null
 * @param attributes each attribute's name and values, in the assertion's order
 * @param authnContextClassRef the AuthnContextClassRef, or null when Keycloak wrote none
 * @param sessionIndex the AuthnStatement's SessionIndex, needed to sign out
 */
public record SamlSignIn(
        String nameId,
        String nameIdFormat,
        Map<String, List<String>> attributes,
        String authnContextClassRef,
        String sessionIndex) {

    public SamlSignIn {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
