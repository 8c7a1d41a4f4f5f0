package io.github.kclogingov.broker;

import io.github.kclogingov.protocol.ClientAuthentication;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AssuranceNames;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovScope;
import io.github.kclogingov.protocol.Registration;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.util.JsonSerialization;

/**
 * Typed configuration of a Login.gov identity provider.
 *
 * <p>Login.gov's protocol is fixed, so the stock OpenID Connect settings it depends on are derived
 * here rather than read from the admin's form: endpoints and issuer come from the environment,
 * signature validation is always on, logout sends {@code client_id} and never {@code id_token_hint},
 * PKCE is always S256. {@link #validate(RealmModel)} writes the derived values back so the admin
 * console shows what is actually used.
 */
public class LoginGovIdentityProviderConfig extends OIDCIdentityProviderConfig {

    public static final String ENVIRONMENT = "logingovEnvironment";
    public static final String BASE_URL = "logingovBaseUrl";
    public static final String IAL = "logingovIal";
    public static final String AAL = "logingovAal";
    public static final String REGISTRATION = "logingovRegistration";
    public static final String ACR_NAMES = "logingovAcrNames";
    public static final String ATTRIBUTES = "logingovAttributes";
    public static final String CLIENT_AUTHENTICATION = "logingovClientAuthentication";
    public static final String SIGNING_KEY_ID = "logingovSigningKeyId";
    public static final String ID_TOKEN_MAX_AGE = "logingovIdTokenMaxAgeSeconds";

    /** An id_token is issued at the token call, so an old {@code iat} means a replayed token. */
    static final Duration DEFAULT_ID_TOKEN_MAX_AGE = Duration.ofMinutes(5);
    /** Used when the admin leaves "Allowed clock skew" at zero: both clocks drift a little. */
    static final int DEFAULT_CLOCK_SKEW_SECONDS = 10;

    public LoginGovIdentityProviderConfig() {
        super();
        getConfig().put(ENVIRONMENT, LoginGovEnvironment.SANDBOX.configValue());
        getConfig().put(IAL, IdentityAssurance.AUTH_ONLY.value(AcrForm.SEMANTIC));
        getConfig().put(REGISTRATION, Registration.AUTH_ONLY.configValue());
        getConfig().put(CLIENT_AUTHENTICATION, ClientAuthentication.PRIVATE_KEY_JWT.configValue());
        getConfig().put(ATTRIBUTES, LoginGovAttribute.EMAIL.configValue());
        getConfig().put("defaultScope", LoginGovAttribute.scopesFor(LoginGovAttribute.DEFAULT));
    }

    public LoginGovIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    // ---- Login.gov settings ------------------------------------------------------------------

    public LoginGovEnvironment environment() {
        String value = getConfig().get(ENVIRONMENT);
        return LoginGovEnvironment.fromConfigValue(value).orElseThrow(() -> new IllegalArgumentException(
                "Unknown Login.gov environment '" + value + "': choose sandbox, production or custom."));
    }

    public LoginGovEndpoints endpoints() {
        return environment().endpoints(getConfig().get(BASE_URL));
    }

    /**
     * The default level: sent when the application asks for none, and the floor of every request
     * (a requested level is raised to it axis by axis). One IAL value and an optional AAL value.
     */
    public AcrValues defaultLevel() {
        String ialValue = blankToNull(getConfig().get(IAL));
        String aalValue = blankToNull(getConfig().get(AAL));
        if (ialValue == null) {
            throw new IllegalArgumentException(aalValue == null
                    ? "Choose a service level (IAL): Login.gov needs exactly one in every request."
                    : "An authentication level (AAL) needs a service level (IAL) beside it: Login.gov answers '"
                    + AcrValues.MISSING_IAL + "' to an AAL alone.");
        }
        AcrValues ial = parse("Service level (IAL)", ialValue);
        if (ial.aal() != null) {
            throw new IllegalArgumentException("The service level (IAL) field holds the AAL value " + ial.aalValue()
                    + ": put it in 'Authentication level (AAL)'.");
        }
        if (aalValue == null) {
            return ial;
        }
        AuthenticationAssurance aal = AuthenticationAssurance.fromValue(aalValue.trim()).orElseThrow(() ->
                new IllegalArgumentException(IdentityAssurance.fromValue(aalValue.trim()).isPresent()
                        ? "Two IAL values: '" + aalValue + "' in 'Authentication level (AAL)' is a service level. Send exactly one."
                        : "Login.gov does not know the authentication level (AAL) '" + aalValue + "'."));
        return new AcrValues(ial.ial(), ial.ialValue(), aal, aalValue.trim());
    }

    private static AcrValues parse(String field, String value) {
        try {
            return AcrValues.parseConfigured(value);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    /**
     * The Login.gov attributes the realm receives, when the administrator chose them; empty when the
     * scopes are written by hand instead. Keycloak stores a multi-valued choice joined by {@code ##}.
     */
    public Optional<Set<LoginGovAttribute>> attributes() {
        String value = blankToNull(getConfig().get(ATTRIBUTES));
        if (value == null) {
            return Optional.empty();
        }
        Set<LoginGovAttribute> chosen = EnumSet.noneOf(LoginGovAttribute.class);
        List<String> unknown = new java.util.ArrayList<>();
        for (String item : value.split("##|[,\\s]+")) {
            if (!item.isBlank()) {
                LoginGovAttribute.fromConfigValue(item.trim()).ifPresentOrElse(chosen::add, () -> unknown.add(item.trim()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Login.gov has no attribute " + String.join(", ", unknown) + ". Choose among "
                    + String.join(", ", java.util.Arrays.stream(LoginGovAttribute.values()).map(LoginGovAttribute::configValue).toList()) + ".");
        }
        return Optional.of(chosen);
    }

    /** What the Login.gov service provider is registered for: authentication only unless set. */
    public Registration registration() {
        String value = blankToNull(getConfig().get(REGISTRATION));
        if (value == null) {
            return Registration.AUTH_ONLY;
        }
        try {
            return Registration.fromConfigValue(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Login.gov registration must be auth-only or verified, not '" + value + "'.");
        }
    }

    /**
     * The level names this provider understands: the built-in ones plus the administrator's own,
     * a JSON object from name to Login.gov acr values.
     */
    public AssuranceNames assuranceNames() {
        String json = blankToNull(getConfig().get(ACR_NAMES));
        if (json == null) {
            return AssuranceNames.builtInOnly();
        }
        Map<String, String> names = new LinkedHashMap<>();
        try {
            Map<?, ?> parsed = JsonSerialization.readValue(json, Map.class);
            for (Map.Entry<?, ?> entry : parsed.entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw new IllegalArgumentException("Level names: the value of '" + entry.getKey()
                            + "' must be a string of Login.gov acr values.");
                }
                names.put(String.valueOf(entry.getKey()), value);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("Level names must be a JSON object from name to Login.gov acr values, e.g. "
                    + "{\"gold\": \"urn:acr.login.gov:verified\"}.");
        }
        try {
            return AssuranceNames.withCustom(names);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new IllegalArgumentException("Level names: " + e.getMessage());
        }
    }

    public ClientAuthentication clientAuthentication() {
        String value = getConfig().get(CLIENT_AUTHENTICATION);
        if (blankToNull(value) == null) {
            return ClientAuthentication.PRIVATE_KEY_JWT;
        }
        return ClientAuthentication.fromConfigValue(value).orElseThrow(() -> new IllegalArgumentException(
                "Unknown client authentication '" + value + "': choose private_key_jwt or pkce."));
    }

    /** The {@code kid} of the realm key that signs client assertions for Login.gov, and nothing else. */
    public Optional<String> signingKeyId() {
        return Optional.ofNullable(blankToNull(getConfig().get(SIGNING_KEY_ID))).map(String::trim);
    }

    public Duration idTokenMaxAge() {
        String value = blankToNull(getConfig().get(ID_TOKEN_MAX_AGE));
        if (value == null) {
            return DEFAULT_ID_TOKEN_MAX_AGE;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The id_token maximum age must be a positive number of seconds, not '" + value + "'.");
        }
    }

    // ---- stock settings that Login.gov's protocol decides ------------------------------------

    @Override
    public String getIssuer() {
        return endpoints().issuer();
    }

    @Override
    public String getAuthorizationUrl() {
        return endpoints().authorization();
    }

    @Override
    public String getTokenUrl() {
        return endpoints().token();
    }

    @Override
    public String getUserInfoUrl() {
        return endpoints().userinfo();
    }

    @Override
    public String getJwksUrl() {
        return endpoints().jwks();
    }

    @Override
    public String getLogoutUrl() {
        return endpoints().logout();
    }

    @Override
    public boolean isUseJwksUrl() {
        return true;
    }

    @Override
    public boolean isValidateSignature() {
        return true;
    }

    @Override
    public boolean isDisableNonce() {
        return false;
    }

    @Override
    public boolean isDisableUserInfoService() {
        return false;
    }

    @Override
    public boolean isAccessTokenJwt() {
        return false;
    }

    @Override
    public boolean isBackchannelSupported() {
        return false;
    }

    /** Login.gov rejects {@code id_token_hint} on logout since 2022. */
    @Override
    public boolean isSendIdTokenOnLogout() {
        return false;
    }

    @Override
    public boolean isSendClientIdOnLogout() {
        return true;
    }

    @Override
    public String getClientAuthMethod() {
        return clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT ? OIDCLoginProtocol.PRIVATE_KEY_JWT : "pkce";
    }

    @Override
    public String getClientAssertionSigningAlg() {
        return LoginGovProtocol.SIGNING_ALGORITHM;
    }

    /** Login.gov accepts only the token endpoint URL as the assertion audience, never the issuer. */
    @Override
    public String getClientAssertionAudience() {
        return getTokenUrl();
    }

    @Override
    public boolean isPkceEnabled() {
        return true;
    }

    @Override
    public String getPkceMethod() {
        return LoginGovProtocol.PKCE_METHOD_S256;
    }

    @Override
    public String getPrompt() {
        return LoginGovProtocol.PROMPT_SELECT_ACCOUNT;
    }

    /** No parameter of the downstream request is forwarded; acr_values in particular come from here. */
    @Override
    public String getForwardParameters() {
        return "";
    }

    @Override
    public boolean isRequiresShortStateParameter() {
        return false;
    }

    @Override
    public boolean isLoginHint() {
        return false;
    }

    @Override
    public boolean isUiLocales() {
        return false;
    }

    @Override
    public boolean isPassMaxAge() {
        return false;
    }

    @Override
    public boolean isSupportsClientAssertions() {
        return false;
    }

    @Override
    public boolean isJWTAuthorizationGrantEnabled() {
        return false;
    }

    @Override
    public int getAllowedClockSkew() {
        int configured = super.getAllowedClockSkew();
        return configured > 0 ? configured : DEFAULT_CLOCK_SKEW_SECONDS;
    }

    /**
     * Refuses settings that cannot work, with a message for the admin, and stores the derived
     * endpoints so that the console shows them.
     */
    @Override
    public void validate(RealmModel realm) {
        new LoginGovConfigValidator(this).validate();
        super.validate(realm);
        LoginGovEndpoints endpoints = endpoints();
        getConfig().put("issuer", endpoints.issuer());
        getConfig().put("authorizationUrl", endpoints.authorization());
        getConfig().put("tokenUrl", endpoints.token());
        getConfig().put("userInfoUrl", endpoints.userinfo());
        getConfig().put("jwksUrl", endpoints.jwks());
        getConfig().put("logoutUrl", endpoints.logout());
        getConfig().put("useJwksUrl", "true");
        getConfig().put("validateSignature", "true");
        getConfig().put("pkceEnabled", "true");
        getConfig().put("pkceMethod", LoginGovProtocol.PKCE_METHOD_S256);
        getConfig().put("clientAuthMethod", getClientAuthMethod());
        getConfig().put("sendIdTokenOnLogout", "false");
        getConfig().put("sendClientIdOnLogout", "true");
        getConfig().put("backchannelSupported", "false");
        getConfig().put("prompt", LoginGovProtocol.PROMPT_SELECT_ACCOUNT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
