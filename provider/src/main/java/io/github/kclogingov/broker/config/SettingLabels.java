package io.github.kclogingov.broker.config;

import java.util.Map;

/**
 * The label the admin console shows for each setting a refusal can be about, so that a message
 * names the field as the administrator sees it. Keycloak's own fields keep Keycloak's labels.
 */
final class SettingLabels {

    static final String ENVIRONMENT = "Login.gov environment";
    static final String BASE_URL = "Custom issuer URL";
    static final String REGISTRATION = "Login.gov registration";
    static final String IAL = "Default service level (IAL)";
    static final String AAL = "Default authentication level (AAL)";
    static final String ATTRIBUTES = "Login.gov attributes";
    static final String ACR_NAMES = "Extra level names";
    static final String CLIENT_AUTHENTICATION = "Login.gov client authentication";
    static final String SIGNING_KEY_ID = "Client assertion key ID";
    static final String ID_TOKEN_MAX_AGE = "id_token maximum age (seconds)";
    static final String IAL_MAX_AGE = "Verified identity reuse (seconds)";
    static final String AAL_MAX_AGE = "Strong authentication reuse (seconds)";
    static final String REAUTHENTICATION = "Login.gov reauthentication allowed";
    static final String ALWAYS_CALL_USERINFO = "Always call userinfo";
    static final String CONNECT_TIMEOUT = "Connect timeout (milliseconds)";
    static final String READ_TIMEOUT = "Read timeout (milliseconds)";
    static final String LOGOUT_REDIRECT_URI = "Logout redirect URI (register it too)";

    private static final Map<String, String> BY_KEY = Map.ofEntries(
            Map.entry(ConfigKeys.ENVIRONMENT, ENVIRONMENT),
            Map.entry(ConfigKeys.BASE_URL, BASE_URL),
            Map.entry(ConfigKeys.REGISTRATION, REGISTRATION),
            Map.entry(ConfigKeys.IAL, IAL),
            Map.entry(ConfigKeys.AAL, AAL),
            Map.entry(ConfigKeys.ATTRIBUTES, ATTRIBUTES),
            Map.entry(ConfigKeys.ACR_NAMES, ACR_NAMES),
            Map.entry(ConfigKeys.CLIENT_AUTHENTICATION, CLIENT_AUTHENTICATION),
            Map.entry(ConfigKeys.SIGNING_KEY_ID, SIGNING_KEY_ID),
            Map.entry(ConfigKeys.ID_TOKEN_MAX_AGE, ID_TOKEN_MAX_AGE),
            Map.entry(ConfigKeys.IAL_MAX_AGE, IAL_MAX_AGE),
            Map.entry(ConfigKeys.AAL_MAX_AGE, AAL_MAX_AGE),
            Map.entry(ConfigKeys.REAUTHENTICATION, REAUTHENTICATION),
            Map.entry(ConfigKeys.ALWAYS_CALL_USERINFO, ALWAYS_CALL_USERINFO),
            Map.entry(ConfigKeys.CONNECT_TIMEOUT, CONNECT_TIMEOUT),
            Map.entry(ConfigKeys.READ_TIMEOUT, READ_TIMEOUT),
            Map.entry(ConfigKeys.LOGOUT_REDIRECT_URI, LOGOUT_REDIRECT_URI),
            // Keycloak's own fields, as its console labels them.
            Map.entry(ConfigKeys.CLIENT_ID, "Client ID"),
            Map.entry(ConfigKeys.SCOPES, "Scopes"),
            Map.entry(ConfigKeys.STORE_TOKEN, "Store tokens"),
            Map.entry(ConfigKeys.STORE_TOKEN_IN_SESSION, "Store token in session"),
            Map.entry(ConfigKeys.DISABLE_USER_INFO, "Disable user info"));

    private SettingLabels() {}

    static String of(String key) {
        return BY_KEY.getOrDefault(key, key);
    }
}
