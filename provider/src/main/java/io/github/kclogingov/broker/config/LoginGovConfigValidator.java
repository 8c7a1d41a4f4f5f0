package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.assurance.AssuranceNames;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.LoginGovScope;
import io.github.kclogingov.protocol.Registration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Checks the rules that tie a Login.gov provider's settings together, when it is saved or
 * imported; it changes nothing. Each failure is an {@link InvalidSettingsException} whose message
 * says what is wrong and what to do. What works but deserves attention (deprecated spellings,
 * scopes sent only at verified levels) is logged as a warning.
 */
final class LoginGovConfigValidator {

    private static final Logger LOG = Logger.getLogger(LoginGovConfigValidator.class);

    private final LoginGovSettings settings;
    private final String alias;

    LoginGovConfigValidator(LoginGovSettings settings, String alias) {
        this.settings = settings;
        this.alias = alias;
    }

    /**
     * @param clientId Keycloak's Client ID field
     * @param scopes Keycloak's Scopes field, as it will be saved
     * @param storeToken Keycloak's "Store tokens" switch, as the administrator set it
     */
    void validate(String clientId, String scopes, boolean storeToken) {
        checkClientId(clientId);
        if (storeToken) {
            throw new InvalidSettingsException("Turn 'Store tokens' off: Login.gov's id_token holds every attribute it "
                    + "released (the full Social Security number among them), and its access token is a live bearer token "
                    + "for Login.gov's userinfo. Nothing in this provider needs them (logout sends the client ID), so "
                    + "keeping them would only keep personal data and a credential.");
        }
        checkBaseUrl();
        Registration registration = settings.registration();
        AcrValues defaultLevel = settings.defaultLevel();
        checkPermitted("The service level " + defaultLevel.ialValue(), defaultLevel, registration);
        for (Map.Entry<String, AcrValues> name :
                settings.assuranceNames().custom().entrySet()) {
            checkPermitted(
                    "Level name '" + name.getKey() + "' (" + name.getValue().toParameter() + ")",
                    name.getValue(),
                    registration);
        }
        settings.attributes().ifPresent(attributes -> checkAttributes(attributes, registration));
        checkScopes(scopes, defaultLevel, registration);
        // The client assertion key (generated when none is chosen) is ClientAssertionKeySetup's.
        warnAboutLegacySpellings(defaultLevel, settings.assuranceNames());
    }

    private static void checkClientId(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new InvalidSettingsException(
                    "The client ID is required: it is the issuer string registered at the Login.gov "
                            + "partner portal, e.g. urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app.");
        }
        if (!LoginGovProtocol.isValidClientId(clientId)) {
            throw new InvalidSettingsException("The client ID must not contain spaces: Login.gov compares it exactly.");
        }
    }

    /**
     * A custom Login.gov speaks over TLS, whatever the realm's SSL setting: tokens and personal data
     * travel on this connection. Plain http is for a simulator on this machine only.
     */
    private void checkBaseUrl() {
        if (settings.environment() != LoginGovEnvironment.CUSTOM) {
            return;
        }
        URI issuer = URI.create(settings.endpoints().issuer());
        if (!"https".equalsIgnoreCase(issuer.getScheme()) && !LoopbackHost.is(issuer.getHost())) {
            throw new InvalidSettingsException("The custom Login.gov base URL must start with https://: tokens and "
                    + "personal data travel on it. Plain http:// is accepted only for a server on this machine "
                    + "(localhost, 127.0.0.1 or [::1]), such as the simulator.");
        }
    }

    private static void checkPermitted(String what, AcrValues level, Registration registration) {
        if (!registration.permits(level.ial())) {
            throw new InvalidSettingsException(
                    what + " needs a Login.gov registration with identity verification, and this "
                            + "provider is registered as authentication only: Login.gov would answer 'The acr_values are not authorized'. "
                            + "Choose an auth-only level, or set 'Login.gov registration' to verified if the partner portal says so.");
        }
    }

    /** Verified-only attributes need a registration that can ask for a verified level. */
    private static void checkAttributes(Set<LoginGovAttribute> attributes, Registration registration) {
        List<String> verifiedOnly = attributes.stream()
                .filter(LoginGovAttribute::requiresVerifiedIdentity)
                .map(LoginGovAttribute::configValue)
                .sorted()
                .toList();
        if (!verifiedOnly.isEmpty() && registration == Registration.AUTH_ONLY) {
            throw new InvalidSettingsException(
                    "The attribute(s) " + String.join(", ", verifiedOnly) + " need a verified level "
                            + "(IAL2), which this provider, registered as authentication only, can never request: Login.gov would not "
                            + "release them. Remove them, or set 'Login.gov registration' to verified.");
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
            throw new InvalidSettingsException("The scopes must include 'openid'.");
        }
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException("Login.gov does not know the scope(s) " + String.join(", ", unknown)
                    + " and would drop them silently. Remove them.");
        }
        if (verifiedOnly.isEmpty() || defaultLevel.ial().releasesVerifiedAttributes()) {
            return;
        }
        if (registration == Registration.AUTH_ONLY) {
            throw new InvalidSettingsException(
                    "The scope(s) " + String.join(", ", verifiedOnly) + " need a verified service "
                            + "level (IAL2), which this provider, registered as authentication only, can never request: Login.gov would "
                            + "drop them silently. Remove them, or set 'Login.gov registration' to verified.");
        }
        LOG.warnf(
                "Login.gov provider '%s': the scope(s) %s are sent only when a sign-in asks for a verified level; "
                        + "at %s Login.gov would drop them.",
                alias, String.join(", ", verifiedOnly), defaultLevel.ialValue());
    }

    private void warnAboutLegacySpellings(AcrValues defaultLevel, AssuranceNames names) {
        List<String> legacy = new ArrayList<>(defaultLevel.legacySpellings());
        names.custom().values().forEach(level -> legacy.addAll(level.legacySpellings()));
        if (!legacy.isEmpty()) {
            LOG.warnf(
                    "Login.gov provider '%s' uses deprecated acr value(s) %s; Login.gov recommends the urn:acr.login.gov:* "
                            + "service levels and the aal/2 spellings.",
                    alias, String.join(", ", legacy));
        }
    }
}
