package io.github.kclogingov.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AssuranceNames;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovScope;
import io.github.kclogingov.protocol.Registration;

import org.jboss.logging.Logger;

/**
 * Checks a Login.gov configuration when it is saved or imported. Each failure is an
 * {@link IllegalArgumentException} whose message Keycloak shows to the admin as it is, so every
 * message says what is wrong and what to do. What works but deserves attention (deprecated
 * spellings, scopes sent only at verified levels) is logged as a warning.
 */
final class LoginGovConfigValidator {

    private static final Logger LOG = Logger.getLogger(LoginGovConfigValidator.class);

    private final LoginGovIdentityProviderConfig config;

    LoginGovConfigValidator(LoginGovIdentityProviderConfig config) {
        this.config = config;
    }

    void validate() {
        config.endpoints();
        checkClientId(config.getConfig().get("clientId"));
        Registration registration = config.registration();
        AcrValues defaultLevel = config.defaultLevel();
        checkPermitted("The service level " + defaultLevel.ialValue(), defaultLevel, registration);
        AssuranceNames names = config.assuranceNames();
        for (Map.Entry<String, AcrValues> name : names.custom().entrySet()) {
            checkPermitted("Level name '" + name.getKey() + "' (" + name.getValue().toParameter() + ")", name.getValue(), registration);
        }
        config.attributes().ifPresent(attributes -> deriveScopes(attributes, registration));
        checkScopes(config.getDefaultScope(), defaultLevel, registration);
        if (config.clientAuthentication() == ClientAuthentication.PRIVATE_KEY_JWT && config.signingKeyId().isEmpty()) {
            throw new IllegalArgumentException("private_key_jwt needs the key ID (kid) of a passive realm RSA key dedicated "
                    + "to Login.gov in 'Client assertion key ID'. Create one under Realm settings > Keys, upload its certificate "
                    + "to the Login.gov partner portal, and paste its kid here.");
        }
        config.idTokenMaxAge();
        warnAboutLegacySpellings(defaultLevel, names);
    }

    private static void checkPermitted(String what, AcrValues level, Registration registration) {
        if (!registration.permits(level.ial())) {
            throw new IllegalArgumentException(what + " needs a Login.gov registration with identity verification, and this "
                    + "provider is registered as authentication only: Login.gov would answer 'The acr_values are not authorized'. "
                    + "Choose an auth-only level, or set 'Login.gov registration' to verified if the partner portal says so.");
        }
    }

    /**
     * Chosen attributes decide the scopes: the narrowest scope for each, written into the stock
     * Scopes field so the console shows what is sent. Verified-only attributes need a registration
     * that can ask for a verified level.
     */
    private void deriveScopes(Set<LoginGovAttribute> attributes, Registration registration) {
        List<String> verifiedOnly = attributes.stream().filter(LoginGovAttribute::requiresVerifiedIdentity)
                .map(LoginGovAttribute::configValue).sorted().toList();
        if (!verifiedOnly.isEmpty() && registration == Registration.AUTH_ONLY) {
            throw new IllegalArgumentException("The attribute(s) " + String.join(", ", verifiedOnly) + " need a verified level (IAL2), "
                    + "which this provider, registered as authentication only, can never request: Login.gov would not release them. "
                    + "Remove them, or set 'Login.gov registration' to verified.");
        }
        config.getConfig().put("defaultScope", LoginGovAttribute.scopesFor(attributes));
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

    /**
     * Verified-only scopes are sent only with a verified level (see {@link LoginGovScope#requestedAt}); they
     * are refused when no request of this provider can be verified, and noted otherwise.
     */
    private void checkScopes(String scopes, AcrValues defaultLevel, Registration registration) {
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
            } else if (scope.requiresVerifiedIdentity()) {
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
        if (verifiedOnly.isEmpty() || defaultLevel.ial().releasesVerifiedAttributes()) {
            return;
        }
        if (registration == Registration.AUTH_ONLY) {
            throw new IllegalArgumentException("The scope(s) " + String.join(", ", verifiedOnly) + " need a verified service level (IAL2), "
                    + "which this provider, registered as authentication only, can never request: Login.gov would drop them silently. "
                    + "Remove them, or set 'Login.gov registration' to verified.");
        }
        LOG.warnf("Login.gov provider '%s': the scope(s) %s are sent only when a sign-in asks for a verified level; "
                + "at %s Login.gov would drop them.", config.getAlias(), String.join(", ", verifiedOnly), defaultLevel.ialValue());
    }

    private void warnAboutLegacySpellings(AcrValues defaultLevel, AssuranceNames names) {
        List<String> legacy = new ArrayList<>(defaultLevel.legacySpellings());
        names.custom().values().forEach(level -> legacy.addAll(level.legacySpellings()));
        if (!legacy.isEmpty()) {
            LOG.warnf("Login.gov provider '%s' uses deprecated acr value(s) %s; Login.gov recommends the urn:acr.login.gov:* "
                    + "service levels and the aal/2 spellings.", config.getAlias(), String.join(", ", legacy));
        }
    }
}
