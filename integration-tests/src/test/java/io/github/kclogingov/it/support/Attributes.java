package io.github.kclogingov.it.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * The attribute settings the attribute, personal-data and linking tests start from: every
 * Login.gov attribute but the SSN received with sync mode IMPORT, and the application's tokens
 * given those attributes through protocol mappers.
 */
public final class Attributes {

    /** Every attribute but the SSN, which stays off unless a test turns it on. */
    public static final String ALL_BUT_SSN = "email##all_emails##locale##name##birthdate##address##phone##verified_at"
            + "##x509_subject##x509_issuer##x509_presented";

    /** The attributes given to the application's tokens through "User Attribute" protocol mappers. */
    public static final List<String> TOKEN_ATTRIBUTES = List.of(
            "logingov_all_emails",
            "logingov_locale",
            "birthdate",
            "phoneNumber",
            "logingov_verified_at",
            "logingov_ial",
            "logingov_aal",
            "logingov_x509_subject",
            "logingov_x509_issuer",
            "logingov_x509_presented",
            "address");

    private Attributes() {}

    /** The values of a persona that no log, event or token of the broker may hold: the SSN, the verified attributes. */
    public static List<String> personalValues(io.github.kclogingov.simulator.Persona persona) {
        return List.of(
                persona.socialSecurityNumber(),
                persona.birthdate().toString(),
                persona.address().streetAddress(),
                persona.phone(),
                persona.givenName(),
                persona.familyName());
    }

    /** Puts the provider back to {@link #ALL_BUT_SSN} and IMPORT (tests change both), and adds the token mappers once. */
    public static void reset(BrokerRealm realm) {
        realm.updateIdentityProvider(Map.of("logingovAttributes", ALL_BUT_SSN, "syncMode", "IMPORT"));
        addTokenMappers(realm);
    }

    private static void addTokenMappers(BrokerRealm realm) {
        ProtocolMappersResource mappers =
                realm.resource().clients().get(realm.appClient().getId()).getProtocolMappers();
        if (mappers.getMappers().stream().anyMatch(m -> m.getName().equals("address"))) {
            return;
        }
        for (String attribute : TOKEN_ATTRIBUTES) {
            ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
            mapper.setName(attribute);
            mapper.setProtocol("openid-connect");
            Map<String, String> config = new HashMap<>(
                    Map.of("id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "true"));
            if (attribute.equals("address")) {
                mapper.setProtocolMapper("oidc-address-mapper");
            } else {
                mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
                config.put("user.attribute", attribute);
                config.put("claim.name", attribute);
                config.put("jsonType.label", "String");
                config.put("multivalued", String.valueOf(attribute.equals("logingov_all_emails")));
            }
            mapper.setConfig(config);
            mappers.createMapper(mapper).close();
        }
    }
}
