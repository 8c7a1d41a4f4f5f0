package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kclogingov.protocol.LoginGovEndpoints;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation;

/**
 * An agency's existing setup before this extension: Keycloak's stock "OpenID Connect v1.0"
 * provider pointed at Login.gov (here the simulator) as agencies configure it, with
 * {@code acr_values} in the authorization URL, private_key_jwt signed with the realm's active key,
 * and Keycloak's stock attribute importers.
 */
public final class StockLoginGovProvider {

    public static final String ACR_VALUES = "urn:acr.login.gov:verified";

    private StockLoginGovProvider() {}

    /** The provider's representation, pointing at {@code issuer} with {@code clientId}; not saved. */
    public static IdentityProviderRepresentation representation(String alias, String issuer, String clientId) {
        LoginGovEndpoints endpoints = LoginGovEndpoints.forIssuer(issuer);
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(alias);
        provider.setDisplayName("Login.gov");
        provider.setProviderId("oidc");
        provider.setEnabled(true);
        provider.setTrustEmail(false);
        // The shipped realm's first-broker-login flow: no review form for names Login.gov gives.
        provider.setFirstBrokerLoginFlowAlias("Login.gov first broker login");
        Map<String, String> config = new HashMap<>();
        config.put("syncMode", "IMPORT");
        config.put("issuer", endpoints.issuer());
        config.put(
                "authorizationUrl", endpoints.authorization() + "?acr_values=" + ACR_VALUES + "&prompt=select_account");
        config.put("tokenUrl", endpoints.token());
        config.put("userInfoUrl", endpoints.userinfo());
        config.put("jwksUrl", endpoints.jwks());
        config.put("logoutUrl", endpoints.logout());
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("clientId", clientId);
        config.put("clientAuthMethod", "private_key_jwt");
        config.put("clientAssertionSigningAlg", "RS256");
        config.put("defaultScope", "openid email profile:name phone address");
        config.put("pkceEnabled", "false");
        config.put("backchannelSupported", "false");
        provider.setConfig(config);
        return provider;
    }

    /** Saves a stock provider in the realm. */
    public static void create(BrokerRealm realm, IdentityProviderRepresentation provider) {
        try (Response response = realm.resource().identityProviders().create(provider)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
        }
    }

    /** Adds a mapper of any type to provider {@code alias}. */
    public static void addMapper(
            BrokerRealm realm, String alias, String name, String type, Map<String, String> config) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(alias);
        mapper.setIdentityProviderMapper(type);
        mapper.setConfig(new HashMap<>(config));
        try (Response response = realm.resource().identityProviders().get(alias).addMapper(mapper)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
        }
    }

    /** Keycloak's stock attribute importer of {@code claim} into {@code attribute}. */
    public static void addImporter(BrokerRealm realm, String alias, String claim, String attribute) {
        addMapper(
                realm,
                alias,
                claim,
                "oidc-user-attribute-idp-mapper",
                Map.of("claim", claim, "user.attribute", attribute, "syncMode", "FORCE"));
    }

    /** The certificate of the realm's active RS256 key, the one the stock provider signs client assertions with. */
    public static String activeKeyCertificatePem(BrokerRealm realm) {
        KeysMetadataRepresentation keys = realm.resource().keys().getKeyMetadata();
        String der = keys.getKeys().stream()
                .filter(key -> "RS256".equals(key.getAlgorithm()) && "ACTIVE".equals(String.valueOf(key.getStatus())))
                .filter(key -> key.getKid().equals(keys.getActive().get("RS256")))
                .findFirst()
                .orElseThrow()
                .getCertificate();
        String body = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(Base64.getDecoder().decode(der));
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }
}
