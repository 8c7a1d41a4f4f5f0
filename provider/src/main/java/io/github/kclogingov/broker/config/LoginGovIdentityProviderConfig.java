package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private LoginGovSettings settings;
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

    /**
     * Refuses settings that cannot work, with a message for the admin; then stores what is derived
     * from them (the scopes of the chosen attributes, the pinned stock settings) so that the console
     * shows what is used. Last, the client assertion key: generated when none is chosen, else
     * checked, with every problem of the key in one message ({@link ClientAssertionKeySetup}).
     *
     * <p>Keycloak passes no session here; like its own issuer check ({@code IssuerValidation}), this
     * reads the request's session from {@link KeycloakSessionUtil}.
     */
    @Override
    public void validate(RealmModel realm) {
        validateLoginGovSettings();
        super.validate(realm);
        ButtonLabels.warnIfShared(getAlias(), getDisplayName());
        getConfig().putAll(pinnedValues());
        if (ClientAssertionKeySetup.keysReadable(realm)) {
            KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
            if (session == null) {
                throw new InvalidSettingsException("The client assertion key can only be checked inside Keycloak.");
            }
            List<String> keyProblems = ClientAssertionKeySetup.apply(session, realm, this);
            if (!keyProblems.isEmpty()) {
                throw new InvalidSettingsException(String.join("; ", keyProblems));
            }
        }
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
