package io.github.kclogingov.broker;

import io.github.kclogingov.protocol.ClientAuthentication;
import java.util.ArrayList;
import java.util.List;

import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.AssuranceNames;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovEnvironment;

import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers "Login.gov" as an identity provider type. The id contains {@code oidc} so that the admin
 * console shows the full OpenID Connect editor plus the Login.gov settings below.
 */
public class LoginGovIdentityProviderFactory extends AbstractIdentityProviderFactory<LoginGovIdentityProvider> {

    public static final String PROVIDER_ID = "logingov-oidc";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "Login.gov";
    }

    /** Declares the concrete class: Keycloak reflects on this return type to decide the provider's kind. */
    @Override
    public LoginGovIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new LoginGovIdentityProvider(session, new LoginGovIdentityProviderConfig(model));
    }

    @Override
    public LoginGovIdentityProviderConfig createConfig() {
        return new LoginGovIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(LoginGovIdentityProviderConfig.ENVIRONMENT).label("Login.gov environment")
                .helpText("sandbox (idp.int.identitysandbox.gov), production (secure.login.gov), or custom for a "
                        + "Login.gov-compatible server such as the simulator. Issuer and every endpoint are derived from it.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(environmentOptions())
                .defaultValue(LoginGovEnvironment.SANDBOX.configValue()).add()
                .property().name(LoginGovIdentityProviderConfig.BASE_URL).label("Custom base URL")
                .helpText("Only for the custom environment: the issuer URL, e.g. http://localhost:8081/ for the simulator.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(LoginGovIdentityProviderConfig.REGISTRATION).label("Login.gov registration")
                .helpText("What the partner portal registered this client for: auth-only (authentication only) or verified "
                        + "(identity verification permitted). Verified levels are refused with auth-only.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Registration.AUTH_ONLY.configValue(), Registration.VERIFIED.configValue())
                .defaultValue(Registration.AUTH_ONLY.configValue()).add()
                .property().name(LoginGovIdentityProviderConfig.IAL).label("Default service level (IAL)")
                .helpText("Sent when the application asks for no level, and the floor of every request. Applications ask for "
                        + "more through acr_values named in the realm's ACR to LoA mapping. The legacy http://idmanagement.gov URIs "
                        + "are deprecated by Login.gov: they are accepted, with a warning in the server log. Verified-only scopes "
                        + "(profile, address, phone, social_security_number) are sent only with a verified level.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ialOptions())
                .defaultValue(IdentityAssurance.AUTH_ONLY.value(AcrForm.SEMANTIC)).add()
                .property().name(LoginGovIdentityProviderConfig.AAL).label("Default authentication level (AAL)")
                .helpText("Optional, also a floor. Empty means Login.gov's default (MFA, remembered device allowed). "
                        + "aal/3 spellings are deprecated.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(aalOptions()).add()
                .property().name(LoginGovIdentityProviderConfig.ATTRIBUTES).label("Login.gov attributes")
                .helpText("What the realm receives from Login.gov; the scopes are derived from this choice and shown in 'Scopes'. "
                        + "name, birthdate, address, phone and social_security_number are released only to a verified level, and "
                        + "are refused with an auth-only registration. Map each one into the user with a Login.gov mapper. "
                        + "social_security_number is off unless chosen here.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(java.util.Arrays.stream(LoginGovAttribute.values()).map(LoginGovAttribute::configValue).toList())
                .defaultValue(LoginGovAttribute.EMAIL.configValue()).add()
                .property().name(LoginGovIdentityProviderConfig.ACR_NAMES).label("Extra level names")
                .helpText("Optional JSON object naming Login.gov levels for the realm's ACR to LoA mapping, e.g. "
                        + "{\"gold\": \"urn:acr.login.gov:verified http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true\"}. "
                        + "Built in: " + String.join(", ", AssuranceNames.BUILT_IN.keySet()) + ".")
                .type(ProviderConfigProperty.TEXT_TYPE).add()
                .property().name(LoginGovIdentityProviderConfig.CLIENT_AUTHENTICATION).label("Login.gov client authentication")
                .helpText("private_key_jwt (recommended) or pkce, as registered at the Login.gov partner portal. "
                        + "The client secret field is not used: any placeholder will do.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ClientAuthentication.PRIVATE_KEY_JWT.configValue(), ClientAuthentication.PKCE.configValue())
                .defaultValue(ClientAuthentication.PRIVATE_KEY_JWT.configValue()).add()
                .property().name(LoginGovIdentityProviderConfig.SIGNING_KEY_ID).label("Client assertion key ID")
                .helpText("The kid of a passive realm RSA key dedicated to Login.gov (Realm settings > Keys). Its certificate "
                        + "is the one to upload to the Login.gov partner portal. The realm's active key is refused.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(LoginGovIdentityProviderConfig.ID_TOKEN_MAX_AGE).label("id_token maximum age (seconds)")
                .helpText("An id_token issued longer ago than this is refused. Default 300.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    private static List<String> environmentOptions() {
        List<String> options = new ArrayList<>();
        for (LoginGovEnvironment environment : LoginGovEnvironment.values()) {
            options.add(environment.configValue());
        }
        return options;
    }

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

    private static List<String> aalOptions() {
        List<String> options = new ArrayList<>();
        options.add("");
        for (AuthenticationAssurance level : AuthenticationAssurance.values()) {
            options.add(level.value());
        }
        return options;
    }
}
