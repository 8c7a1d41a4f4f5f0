package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.assurance.AssuranceNames;
import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The Login.gov settings as the admin console shows them, below Keycloak's general settings
 * (redirect URI, alias, display name, client ID and secret, display order). Every help text says
 * what Login.gov means by the setting; every field with a default shows it. Keycloak's console
 * shows a list's options as stored, without separate labels, so a legacy or default choice carries
 * its note in its text ({@link OptionText}), and no list has a blank row.
 */
public final class ConfigForm {

    /**
     * The AAL choice that sends no AAL value, leaving Login.gov's default. Stored as this text so
     * that the drop-down never shows a blank row.
     */
    public static final String AAL_LOGIN_GOV_DEFAULT = "Login.gov default";

    /** What the logout redirect URI field shows before the provider exists: its derivation. */
    static final String LOGOUT_REDIRECT_URI_BEFORE_SAVE = "(the Redirect URI above)/logout_response";

    /** Settings the extension writes on save; the console shows them but does not let them be edited. */
    private static final Set<String> READ_ONLY = Set.of(
            ConfigKeys.SIGNING_KEY_CERTIFICATE,
            ConfigKeys.SIGNING_KEY_CERTIFICATE_URL,
            ConfigKeys.LOGOUT_REDIRECT_URI,
            ConfigKeys.SECURITY_EVENTS_PUSH_URL);

    /** Built once: the admin console asks for the form on every page that shows a provider. */
    private static final List<ProviderConfigProperty> PROPERTIES = build();

    private ConfigForm() {}

    public static List<ProviderConfigProperty> properties() {
        return PROPERTIES;
    }

    /**
     * The settings shown read-only. Keycloak's console ignores the flag on a provider's generic page,
     * so the {@code logingov} admin theme's script applies it from its own copy of these names.
     */
    public static Set<String> readOnlyNames() {
        return READ_ONLY;
    }

    private static List<ProviderConfigProperty> build() {
        List<ProviderConfigProperty> properties = withSecurityEvents(properties(ProviderConfigurationBuilder.create()));
        // Keycloak's builder has no read-only switch; the property has.
        properties.forEach(property -> property.setReadOnly(READ_ONLY.contains(property.getName())));
        return List.copyOf(properties);
    }

    private static List<ProviderConfigProperty> properties(ProviderConfigurationBuilder builder) {
        return builder.property()
                .name(ConfigKeys.LOGOUT_REDIRECT_URI)
                .label(SettingLabels.LOGOUT_REDIRECT_URI)
                .helpText("Login.gov returns from sign-out only to a registered redirect URI. Register this one in the "
                        + "partner portal (Redirect URIs) beside the Redirect URI above. Keycloak fills it in when the "
                        + "provider is saved; it is here to be copied, not edited.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(LOGOUT_REDIRECT_URI_BEFORE_SAVE)
                .add()
                .property()
                .name(ConfigKeys.ENVIRONMENT)
                .label(SettingLabels.ENVIRONMENT)
                .helpText(
                        "sandbox: Login.gov's identity sandbox (idp.int.identitysandbox.gov, partner portal "
                                + "portal.int.identitysandbox.gov), for testing. production: secure.login.gov, once Login.gov "
                                + "has promoted your app (its own portal, accounts and keys). custom: a Login.gov-compatible "
                                + "server such as this project's simulator. The issuer and every endpoint follow from this choice.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(LoginGovEnvironment.values())
                        .map(LoginGovEnvironment::configValue)
                        .toList())
                .defaultValue(LoginGovEnvironment.SANDBOX.configValue())
                .add()
                .property()
                .name(ConfigKeys.BASE_URL)
                .label(SettingLabels.BASE_URL)
                .helpText("Only for the custom environment: the server's issuer URL, with its trailing slash, e.g. "
                        + "http://localhost:8081/ for the simulator. https:// is required, except for a server on this "
                        + "machine (localhost). Leave empty for sandbox and production.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.REGISTRATION)
                .label(SettingLabels.REGISTRATION)
                .helpText("The identity verification level your app is configured for in the Login.gov partner portal: "
                        + "auth-only (\"Authentication only\") or verified (\"Identity verification permitted\"). "
                        + "With auth-only, Login.gov answers 'The acr_values are not authorized' to a verified level, "
                        + "so verified levels, attributes and scopes are refused here.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Registration.AUTH_ONLY.configValue(), Registration.VERIFIED.configValue())
                .defaultValue(Registration.AUTH_ONLY.configValue())
                .add()
                .property()
                .name(ConfigKeys.IAL)
                .label(SettingLabels.IAL)
                .helpText("The service level sent in acr_values when the application asks for none, and the least any "
                        + "request asks for. auth-only: authentication only (multi-factor). verified: identity verified "
                        + "(IAL2). verified-facial-match-required: verified with a facial match, for every user. "
                        + "verified-facial-match-preferred: new verifications use a facial match, existing ones without it "
                        + "are accepted. Values marked (legacy) are Login.gov's deprecated http://idmanagement.gov URIs, "
                        + "accepted with a warning in the server log; ial/0 (IALMAX) releases verified attributes when the "
                        + "user has them, for agencies Login.gov has allow-listed. Applications ask for more by the level "
                        + "names of the realm's ACR to LoA mapping.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ialOptions())
                .defaultValue(IdentityAssurance.AUTH_ONLY.value(AcrForm.SEMANTIC))
                .add()
                .property()
                .name(ConfigKeys.AAL)
                .label(SettingLabels.AAL)
                .helpText(
                        "The authentication level sent beside the service level, also a floor. " + AAL_LOGIN_GOV_DEFAULT
                                + ": multi-factor authentication with a remembered device allowed for up to 30 days; no AAL "
                                + "value is sent. :duo sends that default explicitly. aal/2: multi-factor every time, no "
                                + "remembered device. phishing_resistant: WebAuthn or PIV/CAC. hspd12: PIV/CAC only. "
                                + "Login.gov has no AAL1. Values marked (legacy) are deprecated spellings.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(aalOptions())
                .defaultValue(aalOptions().get(0))
                .add()
                .property()
                .name(ConfigKeys.ATTRIBUTES)
                .label(SettingLabels.ATTRIBUTES)
                .helpText("The user attributes your app receives from Login.gov; the scopes requested are derived from "
                        + "them on save (shown in Advanced settings > Scopes). name, birthdate, address, phone and "
                        + "social_security_number are released only at a verified level and are refused with an auth-only "
                        + "registration. Map each one into the user with a Login.gov mapper. social_security_number is "
                        + "never requested unless chosen here.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(Arrays.stream(LoginGovAttribute.values())
                        .map(LoginGovAttribute::configValue)
                        .toList())
                .defaultValue(LoginGovAttribute.EMAIL.configValue())
                .add()
                .property()
                .name(ConfigKeys.ACR_NAMES)
                .label(SettingLabels.ACR_NAMES)
                .helpText("Optional JSON object naming Login.gov levels for the realm's ACR to LoA mapping, e.g. "
                        + "{\"gold\": \"urn:acr.login.gov:verified http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true\"}. "
                        + "Built in: " + String.join(", ", AssuranceNames.BUILT_IN.keySet()) + ".")
                .type(ProviderConfigProperty.TEXT_TYPE)
                .add()
                .property()
                .name(ConfigKeys.CLIENT_AUTHENTICATION)
                .label(SettingLabels.CLIENT_AUTHENTICATION)
                .helpText("How your app proves itself at Login.gov's token endpoint, as chosen in the partner portal: "
                        + "private_key_jwt (a JWT signed with your private key; its certificate is uploaded to the portal) "
                        + "or pkce (for apps that cannot keep a key). Login.gov has no client secret: Keycloak's form "
                        + "asks for one on creation, and whatever is typed there is discarded on save and never sent.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ClientAuthentication.PRIVATE_KEY_JWT.configValue(), ClientAuthentication.PKCE.configValue())
                .defaultValue(ClientAuthentication.PRIVATE_KEY_JWT.configValue())
                .add()
                .property()
                .name(ConfigKeys.SIGNING_KEY_ID)
                .label(SettingLabels.SIGNING_KEY_ID)
                .helpText(
                        "The kid of a passive realm RSA key dedicated to Login.gov (Realm settings > Keys). Left empty on a new provider, "
                                + "saving generates one for this provider. Its certificate (download link below) is the one "
                                + "to upload to the Login.gov partner portal. Saving refuses a key that is missing, disabled, "
                                + "active (the realm's own signing key), not RSA/RS256, or whose certificate has expired.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.SIGNING_KEY_CERTIFICATE)
                .label("Client assertion certificate")
                .helpText(
                        "Written on save, read-only: the subject and expiry of the client assertion key's certificate. "
                                + "Login.gov ignores the expiry, but saving refuses an expired certificate and warns 30 days "
                                + "ahead: rotate the key before then.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.SIGNING_KEY_CERTIFICATE_URL)
                .label("Client assertion certificate (PEM)")
                .helpText("Written on save, read-only: where the key's certificate is downloaded as a PEM file for the "
                        + "Login.gov partner portal. It holds the certificate only, which is public.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.ID_TOKEN_MAX_AGE)
                .label(SettingLabels.ID_TOKEN_MAX_AGE)
                .helpText("An id_token whose iat (issued at) is older than this is refused. Login.gov issues it at the "
                        + "token call, so a few minutes is plenty. Default "
                        + SettingsParser.DEFAULT_ID_TOKEN_MAX_AGE.getSeconds() + ", at most "
                        + SettingsParser.MAX_ID_TOKEN_MAX_AGE.getSeconds() + ".")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(SettingsParser.DEFAULT_ID_TOKEN_MAX_AGE.getSeconds()))
                .add()
                .property()
                .name(ConfigKeys.IAL_MAX_AGE)
                .label(SettingLabels.IAL_MAX_AGE)
                .helpText(
                        "How long a session's verified-identity (IAL2) assertion from Login.gov may be reused when an "
                                + "application asks for a verified level again (step-up single sign-on); after it, the person goes "
                                + "back to Login.gov. Default " + SettingsParser.DEFAULT_IAL_MAX_AGE.getSeconds()
                                + " (12 hours), at most " + SettingsParser.MAX_IAL_MAX_AGE.getSeconds() + " (7 days).")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(SettingsParser.DEFAULT_IAL_MAX_AGE.getSeconds()))
                .add()
                .property()
                .name(ConfigKeys.AAL_MAX_AGE)
                .label(SettingLabels.AAL_MAX_AGE)
                .helpText("How long an assertion of an authentication level above Login.gov's default (aal/2, "
                        + "phishing-resistant, PIV/CAC) may be reused before the person authenticates at Login.gov again. "
                        + "NIST SP 800-63B asks for reauthentication at least every 12 hours at AAL2 and above. Default "
                        + SettingsParser.DEFAULT_AAL_MAX_AGE.getSeconds() + " (1 hour), at most "
                        + SettingsParser.MAX_AAL_MAX_AGE.getSeconds() + " (12 hours).")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(SettingsParser.DEFAULT_AAL_MAX_AGE.getSeconds()))
                .add()
                .property()
                .name(ConfigKeys.REAUTHENTICATION)
                .label(SettingLabels.REAUTHENTICATION)
                .helpText(
                        "On only if Login.gov has allow-listed this client for prompt=login and auth_time (a per-client "
                                + "flag, off by default, set by Login.gov on request). Without it Login.gov refuses prompt=login, "
                                + "sends no auth_time, and a fresh Login.gov sign-in cannot be forced for NIST SP 800-63B "
                                + "reauthentication.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(ConfigKeys.ALWAYS_CALL_USERINFO)
                .label(SettingLabels.ALWAYS_CALL_USERINFO)
                .helpText("Off (the default): the attributes are read from the signed id_token, which Login.gov fills "
                        + "with every claim the scopes release, and userinfo is called only when one is missing; one call "
                        + "to Login.gov per sign-in. On: userinfo is called at every sign-in as well, a second call that "
                        + "counts against Login.gov's per-address rate limit. What is mapped and stored is the same.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(ConfigKeys.CONNECT_TIMEOUT)
                .label(SettingLabels.CONNECT_TIMEOUT)
                .helpText("How long Keycloak waits for Login.gov to accept a connection, on each call to its token, "
                        + "userinfo and JWKS endpoints. When Login.gov is down, the sign-in stops after it and the "
                        + "person reads that Login.gov is unavailable, with a way to try again. Default "
                        + UpstreamTimeouts.DEFAULTS.connect().toMillis() + ", from "
                        + SettingsParser.MIN_TIMEOUT.toMillis() + " to " + SettingsParser.MAX_CONNECT_TIMEOUT.toMillis()
                        + ".")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(UpstreamTimeouts.DEFAULTS.connect().toMillis()))
                .add()
                .property()
                .name(ConfigKeys.READ_TIMEOUT)
                .label(SettingLabels.READ_TIMEOUT)
                .helpText(
                        "How long Keycloak waits for Login.gov's answer (each part of it) on the same calls. Login.gov "
                                + "answers in well under a second; a hung Login.gov fails the sign-in after this time and frees "
                                + "Keycloak's worker. Default "
                                + UpstreamTimeouts.DEFAULTS.read().toMillis() + ", from "
                                + SettingsParser.MIN_TIMEOUT.toMillis() + " to "
                                + SettingsParser.MAX_READ_TIMEOUT.toMillis() + ".")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(UpstreamTimeouts.DEFAULTS.read().toMillis()))
                .add()
                .build();
    }

    /** The security-event settings ({@link SecurityEventsForm}) as one block at the end. */
    private static List<ProviderConfigProperty> withSecurityEvents(List<ProviderConfigProperty> properties) {
        List<ProviderConfigProperty> all = new ArrayList<>(properties);
        all.addAll(SecurityEventsForm.properties());
        return List.copyOf(all);
    }

    /** The current values first, then the deprecated URIs, marked; IALMAX has no other spelling. */
    static List<String> ialOptions() {
        List<String> options = new ArrayList<>();
        for (IdentityAssurance level : IdentityAssurance.values()) {
            level.semanticValue().ifPresent(options::add);
        }
        for (IdentityAssurance level : IdentityAssurance.values()) {
            options.add(OptionText.of(
                    level.legacyValue(),
                    level == IdentityAssurance.IALMAX ? "IALMAX, allow-listed agencies only" : "legacy"));
        }
        return options;
    }

    /** Login.gov's default first (no AAL sent), then each level, then the deprecated spellings, marked. */
    static List<String> aalOptions() {
        List<String> options = new ArrayList<>();
        options.add(OptionText.of(AAL_LOGIN_GOV_DEFAULT, "no AAL sent"));
        for (AuthenticationAssurance level : AuthenticationAssurance.values()) {
            options.add(level.value());
        }
        for (AuthenticationAssurance level : AuthenticationAssurance.values()) {
            level.legacyAliases().forEach(alias -> options.add(OptionText.of(alias, "legacy")));
        }
        return options;
    }
}
