package io.github.kclogingov.broker;

import io.github.kclogingov.protocol.ClientAuthentication;
import java.util.ArrayList;
import java.util.List;

import io.github.kclogingov.protocol.AcrForm;
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
                .property().name(LoginGovIdentityProviderConfig.IAL).label("Service level (IAL)")
                .helpText("The identity assurance requested from Login.gov. Verified levels need a service provider registered "
                        + "for identity verification. Legacy URIs are accepted but deprecated by Login.gov.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ialOptions())
                .defaultValue(IdentityAssurance.AUTH_ONLY.value(AcrForm.SEMANTIC)).add()
                .property().name(LoginGovIdentityProviderConfig.AAL).label("Authentication level (AAL)")
                .helpText("Optional. Empty means Login.gov's default (MFA, remembered device allowed).")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(aalOptions()).add()
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
