package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.assurance.AssuranceNames;
import io.github.kclogingov.broker.common.Blank;
import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.util.JsonSerialization;

/**
 * Reads the raw configuration map of a Login.gov identity provider into {@link LoginGovSettings}.
 * Each setting is parsed on its own; every one that cannot work is recorded in {@link
 * SettingProblems} under its field, so that one refusal names them all. Rules that tie several settings together live in
 * {@link LoginGovConfigValidator}. A method per setting, each with the messages an administrator
 * reads, makes it longer than 200 lines; splitting it would scatter the one place a setting is read.
 */
final class SettingsParser {

    /** An id_token is issued at the token call, so an old {@code iat} means a replayed token. */
    static final Duration DEFAULT_ID_TOKEN_MAX_AGE = Duration.ofMinutes(5);

    /** A verified identity is reused by step-up single sign-on for a working day, then proved again. */
    static final Duration DEFAULT_IAL_MAX_AGE = Duration.ofHours(12);

    /** A strong authentication (above Login.gov's default) is reused for an hour, then done again. */
    static final Duration DEFAULT_AAL_MAX_AGE = Duration.ofHours(1);

    /** Longest reuse of a verified-identity assertion: a week; longer is a re-proofing policy, not a session. */
    static final Duration MAX_IAL_MAX_AGE = Duration.ofDays(7);

    /** NIST SP 800-63B: at AAL2 and above, reauthenticate at least every 12 hours. */
    static final Duration MAX_AAL_MAX_AGE = Duration.ofHours(12);

    /** An id_token is used within seconds of its issue: a day is already far beyond any real use. */
    static final Duration MAX_ID_TOKEN_MAX_AGE = Duration.ofDays(1);

    /** Below a tenth of a second, a healthy Login.gov on a slow network would fail sign-ins. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    /** A person waits on a spinning page meanwhile: half a minute to connect is already an outage. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** Login.gov answers in well under a second; a minute of silence is an outage. */
    static final Duration MAX_READ_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> raw;
    private final SettingProblems problems;

    private SettingsParser(Map<String, String> raw, SettingProblems problems) {
        this.raw = raw;
        this.problems = problems;
    }

    /** @throws InvalidSettingsException naming every setting that cannot work, all at once */
    static LoginGovSettings parse(Map<String, String> raw) {
        SettingProblems problems = new SettingProblems();
        LoginGovSettings settings = parse(raw, problems);
        problems.throwIfAny();
        return settings;
    }

    /**
     * Parses every setting, recording each one that cannot work in {@code problems} and going on
     * with its default, so that a save reports them all together. The settings returned are only
     * usable when {@code problems} stayed empty.
     */
    static LoginGovSettings parse(Map<String, String> raw, SettingProblems problems) {
        SettingsParser parser = new SettingsParser(raw, problems);
        LoginGovEnvironment environment =
                parser.read(ConfigKeys.ENVIRONMENT, parser::environment, LoginGovEnvironment.SANDBOX);
        return new LoginGovSettings(
                environment,
                parser.read(
                        ConfigKeys.BASE_URL,
                        () -> parser.endpoints(environment),
                        LoginGovEnvironment.SANDBOX.endpoints(null)),
                parser.read(ConfigKeys.REGISTRATION, parser::registration, Registration.AUTH_ONLY),
                parser.defaultLevel(),
                parser.read(ConfigKeys.ACR_NAMES, parser::assuranceNames, AssuranceNames.builtInOnly()),
                parser.read(ConfigKeys.ATTRIBUTES, parser::attributes, Optional.empty()),
                parser.read(
                        ConfigKeys.CLIENT_AUTHENTICATION,
                        parser::clientAuthentication,
                        ClientAuthentication.PRIVATE_KEY_JWT),
                parser.signingKeyId(),
                parser.seconds(
                        ConfigKeys.ID_TOKEN_MAX_AGE,
                        "id_token maximum age",
                        DEFAULT_ID_TOKEN_MAX_AGE,
                        MAX_ID_TOKEN_MAX_AGE),
                parser.seconds(
                        ConfigKeys.IAL_MAX_AGE,
                        "verified identity (IAL) reuse time",
                        DEFAULT_IAL_MAX_AGE,
                        MAX_IAL_MAX_AGE),
                parser.seconds(
                        ConfigKeys.AAL_MAX_AGE,
                        "strong authentication (AAL) reuse time",
                        DEFAULT_AAL_MAX_AGE,
                        MAX_AAL_MAX_AGE),
                parser.read(ConfigKeys.REAUTHENTICATION, () -> parser.flag(ConfigKeys.REAUTHENTICATION), false),
                parser.read(ConfigKeys.ALWAYS_CALL_USERINFO, () -> parser.flag(ConfigKeys.ALWAYS_CALL_USERINFO), false),
                new UpstreamTimeouts(
                        parser.millis(
                                ConfigKeys.CONNECT_TIMEOUT,
                                "connect timeout",
                                UpstreamTimeouts.DEFAULTS.connect(),
                                MAX_CONNECT_TIMEOUT),
                        parser.millis(
                                ConfigKeys.READ_TIMEOUT,
                                "read timeout",
                                UpstreamTimeouts.DEFAULTS.read(),
                                MAX_READ_TIMEOUT)));
    }

    /** One setting: its value, or {@code fallback} with its refusal recorded under {@code key}. */
    private <T> T read(String key, Supplier<T> parse, T fallback) {
        try {
            return parse.get();
        } catch (InvalidSettingsException refused) {
            problems.add(key, refused.getMessage());
            return fallback;
        }
    }

    private String value(String key) {
        return Blank.toNull(raw.get(key));
    }

    private LoginGovEnvironment environment() {
        String value = raw.get(ConfigKeys.ENVIRONMENT);
        return LoginGovEnvironment.fromConfigValue(value)
                .orElseThrow(() -> new InvalidSettingsException(
                        "Unknown Login.gov environment '" + value + "': choose sandbox, production or custom."));
    }

    private LoginGovEndpoints endpoints(LoginGovEnvironment environment) {
        try {
            return environment.endpoints(raw.get(ConfigKeys.BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    /** What the Login.gov service provider is registered for: authentication only unless set. */
    private Registration registration() {
        String value = value(ConfigKeys.REGISTRATION);
        if (value == null) {
            return Registration.AUTH_ONLY;
        }
        try {
            return Registration.fromConfigValue(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(
                    "Login.gov registration must be auth-only or verified, not '" + value + "'.");
        }
    }

    /**
     * One IAL value and an optional AAL value, each in its own field; a refusal is recorded under
     * the field it is about, and the default level stands in for the rules that follow.
     */
    private AcrValues defaultLevel() {
        AcrValues fallback = AcrValues.of(IdentityAssurance.AUTH_ONLY, null, AcrForm.SEMANTIC);
        String ialValue = OptionText.valueOf(value(ConfigKeys.IAL));
        String aalValue = OptionText.valueOf(value(ConfigKeys.AAL));
        if (ConfigForm.AAL_LOGIN_GOV_DEFAULT.equals(aalValue)) {
            aalValue = null;
        }
        if (ialValue == null) {
            problems.add(
                    ConfigKeys.IAL,
                    aalValue == null
                            ? "Choose a service level (IAL): Login.gov needs exactly one in every request."
                            : "An authentication level (AAL) needs a service level (IAL) beside it: Login.gov answers '"
                                    + AcrValues.MISSING_IAL + "' to an AAL alone.");
            return fallback;
        }
        AcrValues ial;
        try {
            ial = AcrValues.parseConfigured(ialValue);
        } catch (AcrValues.InvalidAcrValuesException e) {
            problems.add(ConfigKeys.IAL, e.getMessage());
            return fallback;
        }
        if (ial.aal() != null) {
            problems.add(
                    ConfigKeys.IAL,
                    "The service level (IAL) field holds the AAL value " + ial.aalValue()
                            + ": put it in 'Authentication level (AAL)'.");
            return fallback;
        }
        if (aalValue == null) {
            return ial;
        }
        String aal = aalValue.trim();
        Optional<AuthenticationAssurance> level = AuthenticationAssurance.fromValue(aal);
        if (level.isEmpty()) {
            problems.add(
                    ConfigKeys.AAL,
                    IdentityAssurance.fromValue(aal).isPresent()
                            ? "Two IAL values: '" + aalValue
                                    + "' in 'Authentication level (AAL)' is a service level. Send exactly one."
                            : "Login.gov does not know the authentication level (AAL) '" + aalValue + "'.");
            return ial;
        }
        return new AcrValues(ial.ial(), ial.ialValue(), level.get(), aal);
    }

    /** The built-in level names plus the administrator's own, a JSON object from name to Login.gov acr values. */
    private AssuranceNames assuranceNames() {
        String json = value(ConfigKeys.ACR_NAMES);
        if (json == null) {
            return AssuranceNames.builtInOnly();
        }
        Map<?, ?> parsed;
        try {
            parsed = JsonSerialization.readValue(json, Map.class);
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (parsed == null) { // not JSON, not an object, or the JSON literal null
            throw new InvalidSettingsException(
                    "Level names must be a JSON object from name to Login.gov acr values, e.g. "
                            + "{\"gold\": \"urn:acr.login.gov:verified\"}.");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : parsed.entrySet()) {
            if (!(entry.getValue() instanceof String value)) {
                throw new InvalidSettingsException(
                        "Level names: the value of '" + entry.getKey() + "' must be a string of Login.gov acr values.");
            }
            names.put(String.valueOf(entry.getKey()), value);
        }
        try {
            return AssuranceNames.withCustom(names);
        } catch (AcrValues.InvalidAcrValuesException e) {
            throw new InvalidSettingsException("Level names: " + e.getMessage());
        }
    }

    /** Keycloak stores a multi-valued choice joined by {@code ##}; blank means the scopes are written by hand. */
    private Optional<Set<LoginGovAttribute>> attributes() {
        String value = value(ConfigKeys.ATTRIBUTES);
        if (value == null) {
            return Optional.empty();
        }
        Set<LoginGovAttribute> chosen = EnumSet.noneOf(LoginGovAttribute.class);
        List<String> unknown = new ArrayList<>();
        for (String item : value.split("##|[,\\s]+")) {
            if (!item.isBlank()) {
                LoginGovAttribute.fromConfigValue(item.trim())
                        .ifPresentOrElse(chosen::add, () -> unknown.add(item.trim()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException(
                    "Login.gov has no attribute " + String.join(", ", unknown) + ". Choose among "
                            + String.join(
                                    ", ",
                                    Arrays.stream(LoginGovAttribute.values())
                                            .map(LoginGovAttribute::configValue)
                                            .toList())
                            + ".");
        }
        return Optional.of(chosen);
    }

    private ClientAuthentication clientAuthentication() {
        String value = value(ConfigKeys.CLIENT_AUTHENTICATION);
        if (value == null) {
            return ClientAuthentication.PRIVATE_KEY_JWT;
        }
        return ClientAuthentication.fromConfigValue(value)
                .orElseThrow(() -> new InvalidSettingsException(
                        "Unknown client authentication '" + value + "': choose private_key_jwt or pkce."));
    }

    private Optional<String> signingKeyId() {
        return Optional.ofNullable(value(ConfigKeys.SIGNING_KEY_ID)).map(String::trim);
    }

    /** A positive whole number of seconds, at most {@code max}; {@code byDefault} when not set. */
    private Duration seconds(String key, String label, Duration byDefault, Duration max) {
        String value = value(key);
        if (value == null) {
            return byDefault;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            seconds = 0; // refused below, with the same message as a number that is not positive
        }
        if (seconds <= 0) {
            problems.add(key, "The " + label + " must be a positive number of seconds, not '" + value + "'.");
            return byDefault;
        }
        if (seconds > max.getSeconds()) {
            problems.add(
                    key,
                    "The " + label + " must be at most " + max.getSeconds() + " seconds (" + readable(max) + "), not "
                            + seconds + ".");
            return byDefault;
        }
        return Duration.ofSeconds(seconds);
    }

    /** A whole number of milliseconds from {@link #MIN_TIMEOUT} to {@code max}; {@code byDefault} when not set. */
    private Duration millis(String key, String label, Duration byDefault, Duration max) {
        String value = value(key);
        if (value == null) {
            return byDefault;
        }
        long millis;
        try {
            millis = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            millis = -1; // refused below, with the range that is accepted
        }
        if (millis < MIN_TIMEOUT.toMillis() || millis > max.toMillis()) {
            problems.add(
                    key,
                    "The " + label + " must be a whole number of milliseconds from " + MIN_TIMEOUT.toMillis() + " to "
                            + max.toMillis() + ", not '" + value + "'.");
            return byDefault;
        }
        return Duration.ofMillis(millis);
    }

    private static String readable(Duration duration) {
        long count = duration.toHours() % 24 == 0 ? duration.toDays() : duration.toHours();
        String unit = duration.toHours() % 24 == 0 ? "day" : "hour";
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** A switch, off unless set to true (either letter case). */
    private boolean flag(String key) {
        String value = value(key);
        if (value == null || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidSettingsException(
                "'" + SettingLabels.of(key) + "' must be true or false, not '" + value + "'.");
    }
}
