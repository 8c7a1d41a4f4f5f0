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
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The Login.gov settings as the admin console shows them, below Keycloak's OpenID Connect settings. */
public final class ConfigForm {

    /** Built once: the admin console asks for the form on every page that shows a provider. */
    private static final List<ProviderConfigProperty> PROPERTIES = withSecurityEvents(build());

    private ConfigForm() {}

    public static List<ProviderConfigProperty> properties() {
        return PROPERTIES;
    }

    private static List<ProviderConfigProperty> build() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ConfigKeys.ENVIRONMENT)
                .label("Login.gov environment")
                .helpText(
                        "sandbox (idp.int.identitysandbox.gov), production (secure.login.gov), or custom for a "
                                + "Login.gov-compatible server such as the simulator. Issuer and every endpoint are derived from it.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(LoginGovEnvironment.values())
                        .map(LoginGovEnvironment::configValue)
                        .toList())
                .defaultValue(LoginGovEnvironment.SANDBOX.configValue())
                .add()
                .property()
                .name(ConfigKeys.BASE_URL)
                .label("Custom base URL")
                .helpText(
                        "Only for the custom environment: the issuer URL, e.g. http://localhost:8081/ for the simulator.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.REGISTRATION)
                .label("Login.gov registration")
                .helpText(
                        "What the partner portal registered this client for: auth-only (authentication only) or verified "
                                + "(identity verification permitted). Verified levels are refused with auth-only.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Registration.AUTH_ONLY.configValue(), Registration.VERIFIED.configValue())
                .defaultValue(Registration.AUTH_ONLY.configValue())
                .add()
                .property()
                .name(ConfigKeys.IAL)
                .label("Default service level (IAL)")
                .helpText(
                        "Sent when the application asks for no level, and the floor of every request. Applications ask for "
                                + "more through acr_values named in the realm's ACR to LoA mapping. The legacy http://idmanagement.gov URIs "
                                + "are deprecated by Login.gov: they are accepted, with a warning in the server log. Verified-only scopes "
                                + "(profile, address, phone, social_security_number) are sent only with a verified level.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ialOptions())
                .defaultValue(IdentityAssurance.AUTH_ONLY.value(AcrForm.SEMANTIC))
                .add()
                .property()
                .name(ConfigKeys.AAL)
                .label("Default authentication level (AAL)")
                .helpText("Optional, also a floor. Empty means Login.gov's default (MFA, remembered device allowed). "
                        + "aal/3 spellings are deprecated.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(aalOptions())
                .add()
                .property()
                .name(ConfigKeys.ATTRIBUTES)
                .label("Login.gov attributes")
                .helpText(
                        "What the realm receives from Login.gov; the scopes are derived from this choice and shown in 'Scopes'. "
                                + "name, birthdate, address, phone and social_security_number are released only to a verified level, and "
                                + "are refused with an auth-only registration. Map each one into the user with a Login.gov mapper. "
                                + "social_security_number is off unless chosen here.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(Arrays.stream(LoginGovAttribute.values())
                        .map(LoginGovAttribute::configValue)
                        .toList())
                .defaultValue(LoginGovAttribute.EMAIL.configValue())
                .add()
                .property()
                .name(ConfigKeys.ACR_NAMES)
                .label("Extra level names")
                .helpText("Optional JSON object naming Login.gov levels for the realm's ACR to LoA mapping, e.g. "
                        + "{\"gold\": \"urn:acr.login.gov:verified http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true\"}. "
                        + "Built in: " + String.join(", ", AssuranceNames.BUILT_IN.keySet()) + ".")
                .type(ProviderConfigProperty.TEXT_TYPE)
                .add()
                .property()
                .name(ConfigKeys.CLIENT_AUTHENTICATION)
                .label("Login.gov client authentication")
                .helpText("private_key_jwt (recommended) or pkce, as registered at the Login.gov partner portal. "
                        + "The client secret field is not used: any placeholder will do.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ClientAuthentication.PRIVATE_KEY_JWT.configValue(), ClientAuthentication.PKCE.configValue())
                .defaultValue(ClientAuthentication.PRIVATE_KEY_JWT.configValue())
                .add()
                .property()
                .name(ConfigKeys.SIGNING_KEY_ID)
                .label("Client assertion key ID")
                .helpText(
                        "The kid of a passive realm RSA key dedicated to Login.gov (Realm settings > Keys). Its certificate "
                                + "is the one to upload to the Login.gov partner portal. The realm's active key is refused.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.ID_TOKEN_MAX_AGE)
                .label("id_token maximum age (seconds)")
                .helpText("An id_token issued longer ago than this is refused. Default 300, at most 86400.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.IAL_MAX_AGE)
                .label("Verified identity reuse (seconds)")
                .helpText(
                        "How long a session's verified-identity (IAL2) assertion from Login.gov may be reused when an "
                                + "application asks for a verified level again (step-up single sign-on); after it, the person goes "
                                + "back to Login.gov. Default 43200 (12 hours), at most 604800 (7 days).")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.AAL_MAX_AGE)
                .label("Strong authentication reuse (seconds)")
                .helpText("How long an assertion of an authentication level above Login.gov's default (aal2, "
                        + "phishing-resistant, PIV/CAC) may be reused before the person authenticates at Login.gov again. "
                        + "NIST SP 800-63B asks for reauthentication at least every 12 hours at AAL2 and above. Default 3600 "
                        + "(1 hour), at most 43200 (12 hours).")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.REAUTHENTICATION)
                .label("Login.gov reauthentication allowed")
                .helpText(
                        "On only if Login.gov has allow-listed this client for prompt=login and auth_time (a per-client "
                                + "flag, off by default, set by Login.gov on request). Without it Login.gov refuses prompt=login, "
                                + "sends no auth_time, and a fresh Login.gov sign-in cannot be forced for NIST SP 800-63B "
                                + "reauthentication.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .build();
    }

    /** The security-event settings ({@link SecurityEventsForm}) as one block at the end. */
    private static List<ProviderConfigProperty> withSecurityEvents(List<ProviderConfigProperty> properties) {
        List<ProviderConfigProperty> all = new ArrayList<>(properties);
        all.addAll(SecurityEventsForm.properties());
        return List.copyOf(all);
    }

    /** The current values first, then the legacy URIs (IALMAX has no other spelling). */
    private static List<String> ialOptions() {
        List<String> options = new ArrayList<>();
        for (IdentityAssurance level : IdentityAssurance.values()) {
            level.semanticValue().ifPresent(options::add);
        }
        for (IdentityAssurance level : IdentityAssurance.values()) {
            options.add(level.legacyValue());
        }
        return options;
    }

    /** A blank first choice: Login.gov's default, sent as no AAL value at all. */
    private static List<String> aalOptions() {
        List<String> options = new ArrayList<>();
        options.add("");
        for (AuthenticationAssurance level : AuthenticationAssurance.values()) {
            options.add(level.value());
        }
        return options;
    }
}
