package io.github.kclogingov.broker.config;

/**
 * The configuration keys of a Login.gov identity provider, as stored by Keycloak and shown in the
 * admin console: Login.gov's own settings, and the stock settings this provider writes.
 */
public final class ConfigKeys {

    public static final String ENVIRONMENT = "logingovEnvironment";
    public static final String BASE_URL = "logingovBaseUrl";
    public static final String IAL = "logingovIal";
    public static final String AAL = "logingovAal";
    public static final String REGISTRATION = "logingovRegistration";
    public static final String ACR_NAMES = "logingovAcrNames";
    public static final String ATTRIBUTES = "logingovAttributes";
    public static final String CLIENT_AUTHENTICATION = "logingovClientAuthentication";
    public static final String SIGNING_KEY_ID = "logingovSigningKeyId";

    /**
     * Read-only, written on save: the subject and expiry of the client assertion key's certificate,
     * e.g. {@code CN=demo, expires 2036-05-01}.
     */
    public static final String SIGNING_KEY_CERTIFICATE = "logingovSigningKeyCertificate";

    /** Read-only, written on save: where that certificate is downloaded as PEM for the partner portal. */
    public static final String SIGNING_KEY_CERTIFICATE_URL = "logingovSigningKeyCertificateUrl";

    public static final String ID_TOKEN_MAX_AGE = "logingovIdTokenMaxAgeSeconds";
    public static final String IAL_MAX_AGE = "logingovIalMaxAgeSeconds";
    public static final String AAL_MAX_AGE = "logingovAalMaxAgeSeconds";
    public static final String REAUTHENTICATION = "logingovReauthentication";

    /**
     * Off by default: the verified attributes are read from the id_token, which carries them, and
     * userinfo is called only when it lacks one (issue 19: one call to Login.gov per sign-in).
     */
    public static final String ALWAYS_CALL_USERINFO = "logingovAlwaysCallUserinfo";

    /**
     * How long a call to Login.gov (token, userinfo, JWKS) may wait for a connection, and for each
     * read of the answer, in milliseconds (issue 12: an outage fails a sign-in within a known time).
     */
    public static final String CONNECT_TIMEOUT = "logingovConnectTimeoutMillis";

    public static final String READ_TIMEOUT = "logingovReadTimeoutMillis";

    /**
     * The second redirect URI to register at Login.gov ({@code .../endpoint/logout_response}), shown
     * for the administrator to copy; written on save, read by nothing.
     */
    public static final String LOGOUT_REDIRECT_URI = "logingovLogoutRedirectUri";

    /** Security events (issue 13): the receiver's switch, its push URL and one action per event type. */
    public static final String SECURITY_EVENTS = "logingovSecurityEvents";

    public static final String SECURITY_EVENTS_PUSH_URL = "logingovSecurityEventsPushUrl";

    /** "true": report fraud to Login.gov when an admin disables a linked user for a fraud reason (off by default). */
    public static final String FRAUD_REPORT_ON_DISABLE = "logingovFraudReportOnDisable";

    /**
     * Prefix of the per-event action keys, followed by the event's short name in camel case, e.g.
     * {@code logingovOnAccountDisabled} (no dots: the admin console reads a dot as a nested field).
     */
    public static final String SECURITY_EVENT_ACTION_PREFIX = "logingovOn";

    /** Keycloak's "Store tokens" switch, refused for Login.gov ({@link LoginGovConfigValidator}). */
    public static final String STORE_TOKEN = "storeToken";

    /** Keycloak's "Store tokens in session" switch (identity-brokering-api v2), pinned off. */
    public static final String STORE_TOKEN_IN_SESSION = "storeTokenInSession";

    /** Keycloak's "Disable user info" switch, pinned off: userinfo holds what Login.gov released. */
    public static final String DISABLE_USER_INFO = "disableUserInfo";

    /** Keycloak's "Client Secret" field, which Login.gov's client authentication never uses. */
    public static final String CLIENT_SECRET = "clientSecret";

    /** Keycloak's "Scopes" field, derived from the chosen attributes. */
    public static final String SCOPES = "defaultScope";

    /** Keycloak's "Client ID" field. */
    public static final String CLIENT_ID = "clientId";

    private ConfigKeys() {}
}
