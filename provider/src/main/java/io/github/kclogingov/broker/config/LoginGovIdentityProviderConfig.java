package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The configuration of a Login.gov identity provider: Keycloak's OpenID Connect settings with
 * Login.gov's pinned ({@link PinnedOidcConfig}), and Login.gov's own settings, parsed once into
 * {@link LoginGovSettings}.
 */
public class LoginGovIdentityProviderConfig extends PinnedOidcConfig {

    /**
     * Stored as the client secret on every save. Login.gov has no client secret, but Keycloak's
     * console demands one for every provider type it has no form of its own for; a stored value
     * lets the settings page save without anyone typing it again, and replacing what was typed on
     * creation keeps a real secret pasted there by mistake out of the database.
     */
    static final String UNUSED_CLIENT_SECRET = "unused: Login.gov has no client secret";

    private LoginGovSettings settings;
    private SecurityEventSettings securityEvents;
    private Map<String, String> securityEventsParsedFrom;
    /** A copy of the stored configuration {@link #settings} was parsed from. */
    private Map<String, String> parsedFrom;

    /** A new provider: the sandbox, authentication only, private_key_jwt, the email address. */
    public LoginGovIdentityProviderConfig() {
        super();
        getConfig().put(ConfigKeys.ENVIRONMENT, LoginGovEnvironment.SANDBOX.configValue());
        getConfig().put(ConfigKeys.IAL, IdentityAssurance.AUTH_ONLY.value(AcrForm.SEMANTIC));
        getConfig().put(ConfigKeys.REGISTRATION, Registration.AUTH_ONLY.configValue());
        getConfig().put(ConfigKeys.CLIENT_AUTHENTICATION, ClientAuthentication.PRIVATE_KEY_JWT.configValue());
        getConfig().put(ConfigKeys.ATTRIBUTES, LoginGovAttribute.EMAIL.configValue());
        getConfig().put(ConfigKeys.SCOPES, LoginGovAttribute.scopesFor(LoginGovAttribute.DEFAULT));
    }

    public LoginGovIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    /**
     * The Login.gov settings, read on first use and again only if the stored configuration
     * changed since (the admin console edits the map of a live model before saving it); parsed
     * once per node for each stored configuration ({@link ParsedSettingsCache}).
     *
     * @throws InvalidSettingsException naming the first setting that cannot work
     */
    @Override
    public LoginGovSettings settings() {
        Map<String, String> raw = getConfig();
        if (settings == null || !raw.equals(parsedFrom)) {
            settings = ParsedSettingsCache.parse(raw);
            parsedFrom = new HashMap<>(raw);
        }
        return settings;
    }

    /** Whether the disable rule reports fraud to Login.gov (off unless set to "true"). */
    public boolean fraudReportOnDisable() {
        return Boolean.parseBoolean(getConfig().get(ConfigKeys.FRAUD_REPORT_ON_DISABLE));
    }

    /** The security-event settings, parsed like {@link #settings()}. */
    public SecurityEventSettings securityEvents() {
        Map<String, String> raw = getConfig();
        if (securityEvents == null || !raw.equals(securityEventsParsedFrom)) {
            securityEvents = SecurityEventSettingsParser.parse(raw);
            securityEventsParsedFrom = new HashMap<>(raw);
        }
        return securityEvents;
    }

    /**
     * Refuses settings that cannot work, naming every field to change in one message (the chosen
     * client assertion key's problems among them); then stores what is derived from them (the scopes
     * of the chosen attributes, the pinned stock settings, the logout redirect URI to register) so
     * that the console shows what is used. Last, when everything else can work, the client
     * assertion key: generated when none is chosen, else checked ({@link ClientAssertionKeySetup}).
     *
     * <p>Keycloak passes no session here; like its own issuer check ({@code IssuerValidation}), this
     * reads the request's session from {@link KeycloakSessionUtil}.
     */
    @Override
    public void validate(RealmModel realm) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        Optional<String> logoutRedirectUri = LogoutRedirectUri.of(session, realm, getAlias());
        SettingProblems problems = checkLoginGovSettings(storedConfig(session), logoutRedirectUri);
        if (!problems.isEmpty()) {
            // A chosen key is checked now too, so that its problems come with the others; a key is
            // generated only once everything else can work.
            if (session != null && ClientAssertionKeySetup.keysReadable(realm)) {
                ClientAssertionKeySetup.problemsOfChosenKey(session, realm, getConfig())
                        .forEach(problem -> problems.addNamed(ConfigKeys.SIGNING_KEY_ID, problem));
            }
            problems.throwIfAny();
        }
        securityEvents();
        PushUrl.ofCurrentRequest(realm.getName(), getAlias())
                .ifPresent(url -> getConfig().put(ConfigKeys.SECURITY_EVENTS_PUSH_URL, url));
        super.validate(realm);
        ButtonLabels.warnIfShared(getAlias(), getDisplayName());
        getConfig().putAll(pinnedValues());
        getConfig().put(ConfigKeys.CLIENT_SECRET, UNUSED_CLIENT_SECRET);
        logoutRedirectUri.ifPresent(uri -> getConfig().put(ConfigKeys.LOGOUT_REDIRECT_URI, uri));
        if (ClientAssertionKeySetup.keysReadable(realm)) {
            if (session == null) {
                throw new InvalidSettingsException("The client assertion key can only be checked inside Keycloak.");
            }
            SettingProblems keyProblems = new SettingProblems();
            ClientAssertionKeySetup.apply(session, realm, this)
                    .forEach(problem -> keyProblems.addNamed(ConfigKeys.SIGNING_KEY_ID, problem));
            keyProblems.throwIfAny();
        }
    }

    /** The Login.gov part of {@link #validate} for a new provider, outside any request. */
    void validateLoginGovSettings() {
        validateLoginGovSettings(Optional.empty(), Optional.empty());
    }

    /**
     * The scopes follow the chosen attributes, then every rule is checked and every problem
     * reported together.
     *
     * @param stored the configuration saved before, to tell an edit of a derived field from a value left as loaded
     * @param logoutRedirectUri the logout redirect URI as derived for this server, realm and alias
     */
    void validateLoginGovSettings(Optional<Map<String, String>> stored, Optional<String> logoutRedirectUri) {
        checkLoginGovSettings(stored, logoutRedirectUri).throwIfAny();
    }

    /** Every problem of the Login.gov settings, none thrown; the derived values are stored meanwhile. */
    private SettingProblems checkLoginGovSettings(
            Optional<Map<String, String>> stored, Optional<String> logoutRedirectUri) {
        SettingProblems problems = new SettingProblems();
        LoginGovSettings parsed = SettingsParser.parse(getConfig(), problems);
        new DerivedFields(getConfig(), stored).check(parsed, logoutRedirectUri, problems);
        if (!problems.concern(ConfigKeys.ATTRIBUTES)) {
            parsed.attributes()
                    .ifPresent(
                            attributes -> getConfig().put(ConfigKeys.SCOPES, LoginGovAttribute.scopesFor(attributes)));
        }
        new LoginGovConfigValidator(parsed, getAlias(), problems)
                .validate(new StockSettings(
                        getConfig().get(ConfigKeys.CLIENT_ID),
                        getDefaultScope(),
                        storeTokenRequested(),
                        Boolean.parseBoolean(getConfig().get(ConfigKeys.STORE_TOKEN_IN_SESSION)),
                        Boolean.parseBoolean(getConfig().get(ConfigKeys.DISABLE_USER_INFO))));
        return problems;
    }

    private Optional<Map<String, String>> storedConfig(KeycloakSession session) {
        if (session == null || getAlias() == null) {
            return Optional.empty();
        }
        IdentityProviderModel stored = session.identityProviders().getByAlias(getAlias());
        return stored == null ? Optional.empty() : Optional.of(Map.copyOf(withoutNulls(stored.getConfig())));
    }

    private static Map<String, String> withoutNulls(Map<String, String> config) {
        Map<String, String> copy = new HashMap<>(config);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
