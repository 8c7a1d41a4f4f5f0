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
 * imported; it changes nothing. Every rule that fails is recorded in {@link SettingProblems} under
 * the field to change, with what is wrong and what to do, so that one refusal names them all; a
 * rule built on a setting that could not even be read is skipped. What works but deserves
 * attention (deprecated spellings, scopes sent only at verified levels) is logged as a warning.
 */
final class LoginGovConfigValidator {

    private static final Logger LOG = Logger.getLogger(LoginGovConfigValidator.class);

    private final LoginGovSettings settings;
    private final String alias;
    private final SettingProblems problems;

    LoginGovConfigValidator(LoginGovSettings settings, String alias, SettingProblems problems) {
        this.settings = settings;
        this.alias = alias;
        this.problems = problems;
    }

    /**
     * @param stock Keycloak's own settings as they will be saved
     */
    void validate(StockSettings stock) {
        checkClientId(stock.clientId());
        checkStockSwitches(stock);
        checkBaseUrl();
        Registration registration = settings.registration();
        AcrValues defaultLevel = settings.defaultLevel();
        if (!problems.concern(ConfigKeys.REGISTRATION)) {
            if (!problems.concern(ConfigKeys.IAL, ConfigKeys.AAL)) {
                checkPermitted(
                        ConfigKeys.IAL, "The service level " + defaultLevel.ialValue(), defaultLevel, registration);
            }
            for (Map.Entry<String, AcrValues> name :
                    settings.assuranceNames().custom().entrySet()) {
                checkPermitted(
                        ConfigKeys.ACR_NAMES,
                        "Level name '" + name.getKey() + "' (" + name.getValue().toParameter() + ")",
                        name.getValue(),
                        registration);
            }
            settings.attributes().ifPresent(attributes -> checkAttributes(attributes, registration));
            if (!problems.concern(ConfigKeys.IAL, ConfigKeys.ATTRIBUTES)) {
                checkScopes(stock.scopes(), defaultLevel, registration);
            }
        }
        // The client assertion key (generated when none is chosen) is ClientAssertionKeySetup's.
        if (!problems.concern(ConfigKeys.IAL, ConfigKeys.AAL, ConfigKeys.ACR_NAMES)) {
            warnAboutLegacySpellings(defaultLevel, settings.assuranceNames());
        }
    }

    private void checkClientId(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            problems.add(
                    ConfigKeys.CLIENT_ID,
                    "The client ID is required: it is the issuer string registered at the Login.gov "
                            + "partner portal, e.g. urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app.");
        } else if (!LoginGovProtocol.isValidClientId(clientId)) {
            problems.add(
                    ConfigKeys.CLIENT_ID,
                    "The client ID must not contain spaces: Login.gov compares it exactly. Copy the "
                            + "issuer from the partner portal.");
        }
    }

    /**
     * Keycloak's form shows these switches for every provider type; for Login.gov each must stay
     * off, so turning one on is refused rather than silently undone ({@link PinnedOidcConfig}).
     */
    private void checkStockSwitches(StockSettings stock) {
        if (stock.storeToken()) {
            problems.add(
                    ConfigKeys.STORE_TOKEN,
                    "Turn 'Store tokens' off: Login.gov's id_token holds every attribute it "
                            + "released (the full Social Security number among them), and its access token is a live bearer token "
                            + "for Login.gov's userinfo. Nothing in this provider needs them (logout sends the client ID), so "
                            + "keeping them would only keep personal data and a credential.");
        }
        if (stock.storeTokenInSession()) {
            problems.add(
                    ConfigKeys.STORE_TOKEN_IN_SESSION,
                    "Turn it off: Login.gov's tokens hold personal data and are never kept, "
                            + "not even in the user session.");
        }
        if (stock.disableUserInfo()) {
            problems.add(
                    ConfigKeys.DISABLE_USER_INFO,
                    "Turn it off: Login.gov releases the attributes at its userinfo "
                            + "endpoint, and its answer is checked against the id_token.");
        }
    }

    /**
     * A custom Login.gov speaks over TLS, whatever the realm's SSL setting: tokens and personal data
     * travel on this connection. Plain http is for a simulator on this machine only.
     */
    private void checkBaseUrl() {
        if (settings.environment() != LoginGovEnvironment.CUSTOM
                || problems.concern(ConfigKeys.ENVIRONMENT, ConfigKeys.BASE_URL)) {
            return;
        }
        URI issuer = URI.create(settings.endpoints().issuer());
        if (!"https".equalsIgnoreCase(issuer.getScheme()) && !LoopbackHost.is(issuer.getHost())) {
            problems.add(
                    ConfigKeys.BASE_URL,
                    "The custom Login.gov base URL must start with https://: tokens and "
                            + "personal data travel on it. Plain http:// is accepted only for a server on this machine "
                            + "(localhost, 127.0.0.1 or [::1]), such as the simulator.");
        }
    }

    /**
     * The key rule of private_key_jwt, in one place so that further checks of the key itself can
     * sit beside it.
     */
    private void checkPermitted(String key, String what, AcrValues level, Registration registration) {
        if (!registration.permits(level.ial())) {
            problems.add(
                    key,
                    what + " needs a Login.gov registration with identity verification, and this "
                            + "provider is registered as authentication only: Login.gov would answer 'The acr_values are not authorized'. "
                            + "Choose an auth-only level, or set 'Login.gov registration' to verified if the partner portal says so.");
        }
    }

    /** Verified-only attributes need a registration that can ask for a verified level. */
    private void checkAttributes(Set<LoginGovAttribute> attributes, Registration registration) {
        List<String> verifiedOnly = attributes.stream()
                .filter(LoginGovAttribute::requiresVerifiedIdentity)
                .map(LoginGovAttribute::configValue)
                .sorted()
                .toList();
        if (!verifiedOnly.isEmpty() && registration == Registration.AUTH_ONLY) {
            problems.add(
                    ConfigKeys.ATTRIBUTES,
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
            problems.add(ConfigKeys.SCOPES, "The scopes must include 'openid'. Add it.");
        }
        if (!unknown.isEmpty()) {
            problems.add(
                    ConfigKeys.SCOPES,
                    "Login.gov does not know the scope(s) " + String.join(", ", unknown)
                            + " and would drop them silently. Remove them.");
        }
        if (verifiedOnly.isEmpty() || defaultLevel.ial().releasesVerifiedAttributes()) {
            return;
        }
        if (registration == Registration.AUTH_ONLY) {
            problems.add(
                    ConfigKeys.SCOPES,
                    "The scope(s) " + String.join(", ", verifiedOnly) + " need a verified service "
                            + "level (IAL2), which this provider, registered as authentication only, can never request: Login.gov would "
                            + "drop them silently. Remove them, or set 'Login.gov registration' to verified.");
            return;
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
