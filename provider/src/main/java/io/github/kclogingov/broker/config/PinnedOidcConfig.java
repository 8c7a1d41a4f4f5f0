package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * Keycloak's OpenID Connect settings with the ones Login.gov's protocol decides pinned, whatever
 * the stored form says: endpoints and issuer from the environment, signature validation always on,
 * logout with {@code client_id} and never {@code id_token_hint}, PKCE S256, {@code
 * prompt=select_account}, no forwarded parameters, no back-channel logout, no token exchange, and
 * Login.gov's tokens never stored (neither with the user's link nor in the user session).
 *
 * <p>Each pinned value has one rule, its getter; {@link #pinnedValues()} stores what the getters
 * answer so that the admin console shows what is actually used. The class is long only because
 * every pinned setting is its own named override.
 */
abstract class PinnedOidcConfig extends OIDCIdentityProviderConfig {

    /** Used when the admin leaves "Allowed clock skew" at zero: both clocks drift a little. */
    static final int DEFAULT_CLOCK_SKEW_SECONDS = 10;

    PinnedOidcConfig() {
        super();
    }

    PinnedOidcConfig(IdentityProviderModel model) {
        super(model);
    }

    /** The Login.gov settings the pinned values derive from. */
    public abstract LoginGovSettings settings();

    /** The stored keys of the pinned stock settings, each with the value its getter answers. */
    Map<String, String> pinnedValues() {
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("issuer", getIssuer());
        pinned.put("authorizationUrl", getAuthorizationUrl());
        pinned.put("tokenUrl", getTokenUrl());
        pinned.put("userInfoUrl", getUserInfoUrl());
        pinned.put("jwksUrl", getJwksUrl());
        pinned.put("logoutUrl", getLogoutUrl());
        pinned.put("useJwksUrl", String.valueOf(isUseJwksUrl()));
        pinned.put("validateSignature", String.valueOf(isValidateSignature()));
        pinned.put("pkceEnabled", String.valueOf(isPkceEnabled()));
        pinned.put("pkceMethod", getPkceMethod());
        pinned.put("clientAuthMethod", getClientAuthMethod());
        pinned.put("sendIdTokenOnLogout", String.valueOf(isSendIdTokenOnLogout()));
        pinned.put("sendClientIdOnLogout", String.valueOf(isSendClientIdOnLogout()));
        pinned.put("backchannelSupported", String.valueOf(isBackchannelSupported()));
        pinned.put("prompt", getPrompt());
        pinned.put(ConfigKeys.STORE_TOKEN, String.valueOf(isStoreToken()));
        pinned.put(ConfigKeys.STORE_TOKEN_IN_SESSION, String.valueOf(isStoreTokenInSession()));
        pinned.put(ConfigKeys.DISABLE_USER_INFO, String.valueOf(isDisableUserInfoService()));
        return pinned;
    }

    @Override
    public String getIssuer() {
        return settings().endpoints().issuer();
    }

    @Override
    public String getAuthorizationUrl() {
        return settings().endpoints().authorization();
    }

    @Override
    public String getTokenUrl() {
        return settings().endpoints().token();
    }

    @Override
    public String getUserInfoUrl() {
        return settings().endpoints().userinfo();
    }

    @Override
    public String getJwksUrl() {
        return settings().endpoints().jwks();
    }

    @Override
    public String getLogoutUrl() {
        return settings().endpoints().logout();
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

    /**
     * Login.gov's id_token holds every released attribute (the full Social Security number among
     * them) and its access token is a live bearer token for userinfo; nothing here needs either,
     * so they are never stored with the user's link. Saving with "Store tokens" on is refused
     * ({@link LoginGovConfigValidator}); this pin covers a configuration stored before that rule.
     */
    @Override
    public Boolean isStoreToken() {
        return false;
    }

    /** What the administrator asked for in "Store tokens", which {@link #isStoreToken()} ignores. */
    boolean storeTokenRequested() {
        return Boolean.TRUE.equals(super.isStoreToken());
    }

    /**
     * Keycloak's answer is true whenever the identity-brokering-api v2 feature is off, which keeps
     * the id_token and access token as user-session notes; for the reasons of {@link
     * #isStoreToken()}, never. Not in Keycloak 26.5, which never asks ({@link
     * io.github.kclogingov.broker.common.KeycloakVersionDifferences}).
     */
    @Override
    public boolean isStoreTokenInSession() {
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
        return settings().clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT
                ? OIDCLoginProtocol.PRIVATE_KEY_JWT
                : ClientAuthentication.PKCE.configValue();
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

    /** No parameter of the downstream request is forwarded; acr_values in particular come from the settings. */
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
}
