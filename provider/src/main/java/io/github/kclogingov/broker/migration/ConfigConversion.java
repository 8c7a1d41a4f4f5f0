package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.config.ConfigKeys;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stock provider's configuration turned into a Login.gov provider's: the client ID kept, the
 * server as an environment, the scopes as attributes, the {@code acr_values} of the authorization
 * URL as the default levels, the client authentication as Login.gov's. Every setting the Login.gov
 * provider decides by itself (endpoints, PKCE, logout, prompt...) is dropped here and written again
 * by its save; the others (sync mode, display order...) are carried over as they are.
 */
final class ConfigConversion {

    /** Stock settings the Login.gov provider derives from its own on save, or never uses. */
    static final Set<String> DECIDED_BY_LOGIN_GOV = Set.of(
            LoginGovServer.ISSUER,
            LoginGovServer.AUTHORIZATION_URL,
            "tokenUrl",
            "userInfoUrl",
            "jwksUrl",
            "logoutUrl",
            "useJwksUrl",
            "validateSignature",
            "publicKeySignatureVerifier",
            "publicKeySignatureVerifierKeyId",
            "metadataDescriptorUrl",
            "clientAuthMethod",
            "clientAssertionSigningAlg",
            "clientAssertionAudience",
            "jwtX509HeadersEnabled",
            "pkceEnabled",
            "pkceMethod",
            "prompt",
            "forwardParameters",
            "backchannelSupported",
            "sendIdTokenOnLogout",
            "sendClientIdOnLogout",
            "disableNonce",
            "isAccessTokenJWT",
            ConfigKeys.CLIENT_SECRET,
            ConfigKeys.STORE_TOKEN_IN_SESSION,
            ConfigKeys.DISABLE_USER_INFO);

    static final String STOCK_CLIENT_AUTH = "clientAuthMethod";
    static final String ACR_VALUES = "acr_values";

    /**
     * @param config the Login.gov provider's configuration, before its save derives the rest
     * @param server where it points
     * @param clientAuthentication how it authenticates at Login.gov
     */
    record Result(
            Map<String, String> config,
            List<FieldChange> changes,
            LoginGovServer server,
            ClientAuthentication clientAuthentication) {}

    private ConfigConversion() {}

    /** @param refusals receives each reason the configuration cannot be converted; the result is empty then */
    static Optional<Result> convert(Map<String, String> stock, Optional<String> customIssuer, List<String> refusals) {
        int before = refusals.size();
        Optional<LoginGovServer> server = LoginGovServer.of(
                stock.get(LoginGovServer.ISSUER), stock.get(LoginGovServer.AUTHORIZATION_URL), customIssuer, refusals);
        String clientId = stock.get(ConfigKeys.CLIENT_ID);
        if (clientId == null || clientId.isBlank()) {
            refusals.add(
                    "The provider has no client ID: the Login.gov provider keeps the one the partner portal knows.");
        }
        Optional<AcrValues> acr = acrValues(stock.get(LoginGovServer.AUTHORIZATION_URL), refusals);
        Optional<ClientAuthentication> authentication = clientAuthentication(stock, refusals);
        if (refusals.size() > before) {
            return Optional.empty();
        }
        Set<LoginGovAttribute> attributes = EnumSet.noneOf(LoginGovAttribute.class);
        Set<String> unknownScopes = new TreeSet<>();
        for (String scope : scopes(stock.get(ConfigKeys.SCOPES))) {
            Set<LoginGovAttribute> released = LoginGovAttribute.ofScope(scope);
            attributes.addAll(released);
            if (released.isEmpty() && !"openid".equals(scope)) {
                unknownScopes.add(scope);
            }
        }
        Map<String, String> config = new LinkedHashMap<>(stock);
        List<FieldChange> changes = new ArrayList<>();
        for (String key : new TreeSet<>(stock.keySet())) {
            if (DECIDED_BY_LOGIN_GOV.contains(key)) {
                config.remove(key);
                changes.add(new FieldChange(key, shown(key, stock.get(key)), null, decidedNote(key)));
            }
        }
        changes.add(new FieldChange(ConfigKeys.CLIENT_ID, clientId, clientId, "kept: the client Login.gov knows"));
        LoginGovEnvironment environment = server.get().environment();
        put(config, changes, ConfigKeys.ENVIRONMENT, environment.configValue(), "from the issuer");
        if (environment == LoginGovEnvironment.CUSTOM) {
            put(config, changes, ConfigKeys.BASE_URL, server.get().issuer(), "the customIssuer named in the request");
        }
        AcrValues levels = acr.get();
        put(config, changes, ConfigKeys.IAL, levels.ialValue(), acrNote(stock));
        if (levels.aalValue() != null) {
            put(config, changes, ConfigKeys.AAL, levels.aalValue(), "from acr_values in the authorization URL");
        }
        boolean verified = levels.ial().requiresVerifiedIdentity()
                || attributes.stream().anyMatch(LoginGovAttribute::requiresVerifiedIdentity);
        Registration registration = verified ? Registration.VERIFIED : Registration.AUTH_ONLY;
        put(
                config,
                changes,
                ConfigKeys.REGISTRATION,
                registration.configValue(),
                "deduced from the level and the "
                        + "scopes; it must be what the partner portal registered the client for");
        Set<LoginGovAttribute> chosen = attributes.isEmpty() ? LoginGovAttribute.DEFAULT : attributes;
        put(config, changes, ConfigKeys.ATTRIBUTES, attributesValue(chosen), "from the scopes");
        put(config, changes, ConfigKeys.SCOPES, LoginGovAttribute.scopesFor(chosen), scopesNote(unknownScopes));
        put(
                config,
                changes,
                ConfigKeys.CLIENT_AUTHENTICATION,
                authentication.get().configValue(),
                "kept");
        return Optional.of(new Result(config, List.copyOf(changes), server.get(), authentication.get()));
    }

    private static Optional<AcrValues> acrValues(String authorizationUrl, List<String> refusals) {
        Optional<String> value = QueryParameter.of(authorizationUrl, ACR_VALUES);
        if (value.isEmpty()) {
            // The stock provider sent none itself; the Login.gov provider always sends its floor.
            return Optional.of(AcrValues.of(
                    io.github.kclogingov.protocol.IdentityAssurance.AUTH_ONLY,
                    null,
                    io.github.kclogingov.protocol.AcrForm.SEMANTIC));
        }
        try {
            return Optional.of(AcrValues.parseConfigured(value.get()));
        } catch (AcrValues.InvalidAcrValuesException e) {
            refusals.add("acr_values in the authorization URL cannot become a level: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ClientAuthentication> clientAuthentication(
            Map<String, String> stock, List<String> refusals) {
        String method = stock.get(STOCK_CLIENT_AUTH);
        if (ClientAuthentication.PRIVATE_KEY_JWT.configValue().equals(method)) {
            return Optional.of(ClientAuthentication.PRIVATE_KEY_JWT);
        }
        if (Boolean.parseBoolean(stock.get("pkceEnabled"))) {
            return Optional.of(ClientAuthentication.PKCE);
        }
        refusals.add("The provider authenticates with " + (method == null ? "no client authentication method" : method)
                + " and no PKCE: Login.gov accepts private_key_jwt or PKCE only, so this is not a working Login.gov "
                + "client.");
        return Optional.empty();
    }

    private static List<String> scopes(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.trim().split("\\s+"));
    }

    private static String attributesValue(Set<LoginGovAttribute> chosen) {
        return String.join(
                "##", chosen.stream().map(LoginGovAttribute::configValue).toList());
    }

    private static void put(
            Map<String, String> config, List<FieldChange> changes, String key, String value, String note) {
        changes.add(new FieldChange(key, config.get(key), value, note));
        config.put(key, value);
    }

    /** A secret is never shown, not even in a dry run. */
    private static String shown(String key, String value) {
        return ConfigKeys.CLIENT_SECRET.equals(key) && value != null && !value.isEmpty() ? "(set, not shown)" : value;
    }

    private static String scopesNote(Set<String> unknownScopes) {
        return "derived from the attributes"
                + (unknownScopes.isEmpty()
                        ? ""
                        : "; scopes Login.gov does not know are dropped: " + String.join(", ", unknownScopes));
    }

    private static String decidedNote(String key) {
        if (ConfigKeys.CLIENT_SECRET.equals(key)) {
            return "Login.gov has no client secret; removed";
        }
        return "decided by Login.gov's protocol; written on save";
    }

    private static String acrNote(Map<String, String> stock) {
        return QueryParameter.of(stock.get(LoginGovServer.AUTHORIZATION_URL), ACR_VALUES)
                        .isPresent()
                ? "from acr_values in the authorization URL"
                : "the authorization URL sent no acr_values: Login.gov's basic level";
    }
}
