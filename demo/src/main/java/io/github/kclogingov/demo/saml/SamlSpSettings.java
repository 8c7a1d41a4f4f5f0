package io.github.kclogingov.demo.saml;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where the demo SAML service provider lives and whom it trusts.
 *
 * @param spUrl its own base URL, ending in {@code /}; the assertion consumer service is under it
 * @param entityId its SAML entity ID, the {@code clientId} of its client in the realm
 * @param realmUrl the realm's URL, e.g. {@code http://localhost:8080/realms/demo}
 * @param levels the levels it offers a button for
 */
public record SamlSpSettings(URI spUrl, String entityId, String realmUrl, List<SamlLevel> levels) {

    public SamlSpSettings {
        levels = List.copyOf(levels);
    }

    /** Where Keycloak posts its responses; must be the client's "Assertion Consumer Service POST Binding URL". */
    public String acsUrl() {
        return spUrl.resolve("saml/acs").toString();
    }

    /** Where Keycloak sends the answer to a sign-out; the client's "Logout Service Redirect Binding URL". */
    public String logoutUrl() {
        return spUrl.resolve("saml/logout").toString();
    }

    /** Keycloak's SAML endpoint for the realm (single sign-on and single logout). */
    public String idpSsoUrl() {
        return realmUrl + "/protocol/saml";
    }

    /** Keycloak's SAML IdP metadata, which holds the realm's signing certificates. */
    public String idpDescriptorUrl() {
        return realmUrl + "/protocol/saml/descriptor";
    }

    /** The level of this name, if offered. */
    public Optional<SamlLevel> level(String name) {
        return levels.stream().filter(level -> level.name().equals(name)).findFirst();
    }

    /** The level with this class ref, if offered. */
    public Optional<SamlLevel> levelOfClassRef(String classRef) {
        return levels.stream()
                .filter(level -> level.classRef().equals(classRef))
                .findFirst();
    }
}
