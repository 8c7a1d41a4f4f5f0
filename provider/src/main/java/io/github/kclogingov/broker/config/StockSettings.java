package io.github.kclogingov.broker.config;

/**
 * Keycloak's own settings of a Login.gov provider that its rules look at, as the administrator
 * submitted them (before {@link PinnedOidcConfig} overrides any).
 *
 * @param clientId the Client ID field
 * @param scopes the Scopes field, as it will be saved
 * @param storeToken the "Store tokens" switch
 * @param storeTokenInSession the "Store token in session" switch
 * @param disableUserInfo the "Disable user info" switch
 */
record StockSettings(
        String clientId, String scopes, boolean storeToken, boolean storeTokenInSession, boolean disableUserInfo) {}
