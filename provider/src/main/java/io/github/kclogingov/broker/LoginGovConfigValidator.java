package io.github.kclogingov.broker;

import io.github.kclogingov.protocol.ClientAuthentication;
import java.util.ArrayList;
import java.util.List;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.LoginGovScope;

/**
 * Checks a Login.gov configuration when it is saved or imported. Each failure is an
 * {@link IllegalArgumentException} whose message Keycloak shows to the admin as it is, so every
 * message says what is wrong and what to do.
 */
final class LoginGovConfigValidator {

    private final LoginGovIdentityProviderConfig config;

    LoginGovConfigValidator(LoginGovIdentityProviderConfig config) {
        this.config = config;
    }

    void validate() {
        config.endpoints();
        checkClientId(config.getConfig().get("clientId"));
        AcrValues acr = config.acrValues();
        checkScopes(config.getDefaultScope(), acr);
        if (config.clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT && config.signingKeyId().isEmpty()) {
            throw new IllegalArgumentException("private_key_jwt needs the key ID (kid) of a passive realm RSA key dedicated "
                    + "to Login.gov in 'Client assertion key ID'. Create one under Realm settings > Keys, upload its certificate "
                    + "to the Login.gov partner portal, and paste its kid here.");
        }
        config.idTokenMaxAge();
    }

    private static void checkClientId(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("The client ID is required: it is the issuer string registered at the Login.gov "
                    + "partner portal, e.g. urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app.");
        }
        if (!clientId.equals(clientId.strip()) || clientId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The client ID must not contain spaces: Login.gov compares it exactly.");
        }
    }

    private static void checkScopes(String scopes, AcrValues acr) {
        List<String> unknown = new ArrayList<>();
        List<String> verifiedOnly = new ArrayList<>();
        boolean openid = false;
        for (String value : scopes == null ? new String[0] : scopes.trim().split("\\s+")) {
            if (value.isEmpty()) {
                continue;
            }
            LoginGovScope scope = LoginGovScope.fromValue(value).orElse(null);
            if (scope == null) {
                unknown.add(value);
            } else if (scope == LoginGovScope.OPENID) {
                openid = true;
            } else if (scope.requiresVerifiedIdentity() && !acr.ial().releasesVerifiedAttributes()) {
                verifiedOnly.add(value);
            }
        }
        if (!openid) {
            throw new IllegalArgumentException("The scopes must include 'openid'.");
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Login.gov does not know the scope(s) " + String.join(", ", unknown)
                    + " and would drop them silently. Remove them.");
        }
        if (!verifiedOnly.isEmpty()) {
            throw new IllegalArgumentException("The scope(s) " + String.join(", ", verifiedOnly) + " need a verified service level (IAL2): "
                    + "with " + acr.ialValue() + " Login.gov drops them silently. Choose a verified level or remove them.");
        }
    }
}
