package io.github.kclogingov.benchmark.signins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.simulator.SelfSignedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The realm both brokers sign in to: the demo realm (realm-export/logingov-demo-realm.json, its
 * flows, user profile, client and Login.gov mappers) asking Login.gov for the verified level, so
 * that every attribute is released and mapped, plus Keycloak's stock {@code oidc} provider for the
 * same simulator with the stock mappers for the same claims, and an active realm key whose
 * certificate the simulator knows (the stock broker signs its client assertion with the realm's
 * active key; the Login.gov provider with its own passive key).
 */
final class BenchRealm {
    static final String NAME = "demo";
    static final String CLIENT_ID = "demo-app";
    static final String IAL = "urn:acr.login.gov:verified";
    /**
     * What the Login.gov provider sends at the verified level for the demo realm's attributes; the
     * stock provider is given the same.
     */
    static final String SCOPES =
            "openid email all_emails locale profile:name profile:birthdate address phone profile:verified_at x509";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchRealm() {}

    /** Writes the realm where {@code --import-realm} reads it. */
    static void stage(
            Path demoRealmFile,
            Path keycloakHome,
            String simulatorIssuer,
            SelfSignedKey loginGovAssertionKey,
            SelfSignedKey realmSigningKey)
            throws IOException {
        String text = Files.readString(demoRealmFile)
                .replace("${LOGINGOV_BASE_URL}", simulatorIssuer)
                .replace("${LOGINGOV_CLIENT_ID}", Provider.LOGIN_GOV.clientId)
                .replace("${LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY}", loginGovAssertionKey.privateKeyPkcs8Base64())
                .replace("${LOGINGOV_CLIENT_ASSERTION_CERTIFICATE}", loginGovAssertionKey.certificateBase64());
        ObjectNode realm = (ObjectNode) JSON.readTree(text);
        ObjectNode loginGov = (ObjectNode) realm.withArray("identityProviders").get(0);
        ((ObjectNode) loginGov.get("config")).put("logingovIal", IAL);
        realm.withArray("identityProviders").add(stockProvider(simulatorIssuer, loginGov));
        addStockMappers(realm.withArray("identityProviderMappers"));
        realm.withObject("/components")
                .withArray("org.keycloak.keys.KeyProvider")
                .add(activeKey(realmSigningKey));
        Path importDirectory = keycloakHome.resolve("data").resolve("import");
        Files.createDirectories(importDirectory);
        try (var staged = Files.list(importDirectory)) {
            for (Path file : staged.toList()) {
                Files.delete(file);
            }
        }
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(importDirectory.resolve(NAME + "-realm.json").toFile(), realm);
    }

    /**
     * Keycloak's stock broker for the simulator: private_key_jwt (Login.gov's only client
     * authentication), signature checked with the JWKS, userinfo called, the same first-broker-login
     * flow. The stock broker has no acr_values setting; Login.gov needs exactly one IAL value, so it
     * rides in the authorization URL's query, which Keycloak keeps.
     */
    private static ObjectNode stockProvider(String issuer, ObjectNode loginGov) {
        LoginGovEndpoints endpoints = LoginGovEndpoints.forIssuer(issuer);
        ObjectNode provider = JSON.createObjectNode();
        provider.put("alias", Provider.STOCK_OIDC.alias);
        provider.put("displayName", "Login.gov (stock OIDC)");
        provider.put("providerId", "oidc");
        provider.put("enabled", true);
        provider.put("trustEmail", false);
        provider.put("storeToken", false);
        provider.put(
                "firstBrokerLoginFlowAlias",
                loginGov.get("firstBrokerLoginFlowAlias").asText());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("syncMode", "IMPORT");
        config.put("issuer", endpoints.issuer());
        config.put("authorizationUrl", endpoints.authorization() + "?acr_values=" + IAL + "&prompt=select_account");
        config.put("tokenUrl", endpoints.token());
        config.put("userInfoUrl", endpoints.userinfo());
        config.put("jwksUrl", endpoints.jwks());
        config.put("logoutUrl", endpoints.logout());
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("clientId", Provider.STOCK_OIDC.clientId);
        config.put("clientAuthMethod", "private_key_jwt");
        config.put("clientAssertionSigningAlg", "RS256");
        config.put("defaultScope", SCOPES);
        config.put("pkceEnabled", "false");
        config.put("disableUserInfo", "false");
        config.put("backchannelSupported", "false");
        ObjectNode configNode = provider.putObject("config");
        config.forEach(configNode::put);
        return provider;
    }

    /** The stock attribute importer for every claim the demo realm's Login.gov mappers import. */
    private static void addStockMappers(ArrayNode mappers) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("email", "email");
        claims.put("given_name", "firstName");
        claims.put("family_name", "lastName");
        claims.put("all_emails", "logingov_all_emails");
        claims.put("locale", "logingov_locale");
        claims.put("birthdate", "birthdate");
        claims.put("address.street_address", "street");
        claims.put("address.locality", "locality");
        claims.put("address.region", "region");
        claims.put("address.postal_code", "postal_code");
        claims.put("address.formatted", "formatted");
        claims.put("phone", "phoneNumber");
        claims.put("verified_at", "logingov_verified_at");
        claims.put("ial", "logingov_ial");
        claims.put("aal", "logingov_aal");
        claims.put("x509_subject", "logingov_x509_subject");
        claims.put("x509_issuer", "logingov_x509_issuer");
        claims.put("x509_presented", "logingov_x509_presented");
        claims.forEach((claim, attribute) -> {
            ObjectNode mapper = mappers.addObject();
            mapper.put("name", claim);
            mapper.put("identityProviderAlias", Provider.STOCK_OIDC.alias);
            mapper.put("identityProviderMapper", "oidc-user-attribute-idp-mapper");
            ObjectNode config = mapper.putObject("config");
            config.put("syncMode", "email".equals(claim) ? "INHERIT" : "FORCE");
            config.put("claim", claim);
            config.put("user.attribute", attribute);
        });
    }

    /** Outranks the realm's generated key: Keycloak's tokens and the stock client assertion use it. */
    private static ObjectNode activeKey(SelfSignedKey key) {
        ObjectNode component = JSON.createObjectNode();
        component.put("name", "bench-realm-signing");
        component.put("providerId", "rsa");
        component.putObject("subComponents");
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("200");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("keyUse").add("sig");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(key.privateKeyPkcs8Base64());
        config.putArray("certificate").add(key.certificateBase64());
        return component;
    }
}
