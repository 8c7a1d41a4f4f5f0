package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * The configuration of a Login.gov identity provider: Keycloak's OpenID Connect settings with
 * Login.gov's pinned ({@link PinnedOidcConfig}), and Login.gov's own settings, parsed once into
 * {@link LoginGovSettings}.
 */
public class LoginGovIdentityProviderConfig extends PinnedOidcConfig {

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
     * The Login.gov settings, parsed on first use and again only if the stored configuration
     * changed since (the admin console edits the map of a live model before saving it).
     *
     * @throws InvalidSettingsException naming the first setting that cannot work
     */
    @Override
    public LoginGovSettings settings() {
        Map<String, String> raw = getConfig();
        if (settings == null || !raw.equals(parsedFrom)) {
            settings = SettingsParser.parse(raw);
            parsedFrom = new HashMap<>(raw);
        }
        return settings;
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
     * Refuses settings that cannot work, with a message for the admin; then stores what is derived
     * from them (the scopes of the chosen attributes, the pinned stock settings) so that the console
     * shows what is used.
     */
    @Override
    public void validate(RealmModel realm) {
        validateLoginGovSettings();
        securityEvents();
        PushUrl.ofCurrentRequest(realm.getName(), getAlias())
                .ifPresent(url -> getConfig().put(ConfigKeys.SECURITY_EVENTS_PUSH_URL, url));
        super.validate(realm);
        ButtonLabels.warnIfShared(getAlias(), getDisplayName());
        getConfig().putAll(pinnedValues());
    }

    /** The Login.gov part of {@link #validate}: the scopes follow the chosen attributes, then every rule is checked. */
    void validateLoginGovSettings() {
        LoginGovSettings parsed = settings();
        parsed.attributes()
                .ifPresent(attributes -> getConfig().put(ConfigKeys.SCOPES, LoginGovAttribute.scopesFor(attributes)));
        new LoginGovConfigValidator(parsed, getAlias())
                .validate(getConfig().get(ConfigKeys.CLIENT_ID), getDefaultScope(), storeTokenRequested());
    }
}
