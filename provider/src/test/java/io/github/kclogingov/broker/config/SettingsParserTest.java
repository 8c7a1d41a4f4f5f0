package io.github.kclogingov.broker.config;

import static io.github.kclogingov.protocol.AcrValuesTest.AAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static io.github.kclogingov.protocol.AcrValuesTest.acr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests the parse of a Login.gov provider's raw configuration map, setting by setting, and its refusals. */
class SettingsParserTest {

    /** The fewest settings that parse: an environment and a service level. */
    static Map<String, String> minimal() {
        Map<String, String> raw = new HashMap<>();
        raw.put(ConfigKeys.ENVIRONMENT, "sandbox");
        raw.put(ConfigKeys.IAL, AUTH_ONLY);
        return raw;
    }

    static LoginGovSettings with(String key, String value) {
        Map<String, String> raw = minimal();
        raw.put(key, value);
        return SettingsParser.parse(raw);
    }

    /** The refusal of a configuration with one problem, without the field label it starts with. */
    static String refusal(Map<String, String> raw) {
        String message = assertThrows(InvalidSettingsException.class, () -> SettingsParser.parse(raw))
                .getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }

    static String refusal(String key, String value) {
        Map<String, String> raw = minimal();
        raw.put(key, value);
        return refusal(raw);
    }

    @Nested
    class Defaults {
        @Test
        void the_fewest_settings_give_the_defaults() {
            LoginGovSettings settings = SettingsParser.parse(minimal());
            assertEquals(LoginGovEnvironment.SANDBOX, settings.environment());
            assertEquals(Registration.AUTH_ONLY, settings.registration());
            assertEquals(acr(AUTH_ONLY), settings.defaultLevel());
            assertEquals(Map.of(), settings.assuranceNames().custom());
            assertEquals(Optional.empty(), settings.attributes());
            assertEquals(ClientAuthentication.PRIVATE_KEY_JWT, settings.clientAuthentication());
            assertEquals(Optional.empty(), settings.signingKeyId());
            assertEquals(Duration.ofSeconds(300), settings.idTokenMaxAge());
        }

        @Test
        void blank_settings_are_the_defaults() {
            Map<String, String> raw = minimal();
            String[] optional = {
                ConfigKeys.REGISTRATION,
                ConfigKeys.CLIENT_AUTHENTICATION,
                ConfigKeys.ID_TOKEN_MAX_AGE,
                ConfigKeys.ACR_NAMES,
                ConfigKeys.ATTRIBUTES,
                ConfigKeys.SIGNING_KEY_ID,
                ConfigKeys.AAL
            };
            for (String key : optional) {
                raw.put(key, " \t ");
            }
            LoginGovSettings settings = SettingsParser.parse(raw);
            assertEquals(Registration.AUTH_ONLY, settings.registration());
            assertEquals(ClientAuthentication.PRIVATE_KEY_JWT, settings.clientAuthentication());
            assertEquals(Duration.ofSeconds(300), settings.idTokenMaxAge());
            assertEquals(Map.of(), settings.assuranceNames().custom());
            assertEquals(Optional.empty(), settings.attributes());
            assertEquals(Optional.empty(), settings.signingKeyId());
            assertEquals(acr(AUTH_ONLY), settings.defaultLevel());
        }

        @Test
        void the_default_id_token_max_age_is_five_minutes() {
            assertEquals(Duration.ofSeconds(300), SettingsParser.DEFAULT_ID_TOKEN_MAX_AGE);
        }
    }

    @Nested
    class Environment {
        @Test
        void production_has_its_fixed_endpoints() {
            LoginGovSettings settings = with(ConfigKeys.ENVIRONMENT, " Production ");
            assertEquals(LoginGovEnvironment.PRODUCTION, settings.environment());
            assertEquals("https://secure.login.gov/", settings.endpoints().issuer());
            assertEquals(
                    "https://secure.login.gov/api/openid_connect/token",
                    settings.endpoints().token());
        }

        @Test
        void a_fixed_environment_ignores_a_base_url() {
            Map<String, String> raw = minimal();
            raw.put(ConfigKeys.BASE_URL, "https://evil.example/");
            assertEquals(
                    "https://idp.int.identitysandbox.gov/",
                    SettingsParser.parse(raw).endpoints().issuer());
        }

        @Test
        void a_custom_environment_derives_every_endpoint_from_its_base_url() {
            Map<String, String> raw = minimal();
            raw.put(ConfigKeys.ENVIRONMENT, "custom");
            raw.put(ConfigKeys.BASE_URL, " http://localhost:8081 ");
            LoginGovSettings settings = SettingsParser.parse(raw);
            assertEquals(LoginGovEnvironment.CUSTOM, settings.environment());
            assertEquals(
                    new LoginGovEndpoints(
                            "http://localhost:8081/",
                            "http://localhost:8081/.well-known/openid-configuration",
                            "http://localhost:8081/openid_connect/authorize",
                            "http://localhost:8081/api/openid_connect/token",
                            "http://localhost:8081/api/openid_connect/userinfo",
                            "http://localhost:8081/api/openid_connect/certs",
                            "http://localhost:8081/openid_connect/logout"),
                    settings.endpoints());
        }

        @Test
        void a_custom_environment_without_a_usable_base_url_is_refused() {
            Map<String, String> raw = minimal();
            raw.put(ConfigKeys.ENVIRONMENT, "custom");
            assertTrue(refusal(raw).contains("base URL is required for a custom environment"));
            raw.put(ConfigKeys.BASE_URL, "ftp://localhost/");
            assertTrue(refusal(raw).contains("must start with https://"));
            raw.put(ConfigKeys.BASE_URL, "https://localhost/?a=b");
            assertTrue(refusal(raw).contains("no query"));
        }

        @Test
        void an_unknown_environment_is_refused() {
            assertEquals(
                    "Unknown Login.gov environment 'staging': choose sandbox, production or custom.",
                    refusal(ConfigKeys.ENVIRONMENT, "staging"));
        }

        @Test
        void a_missing_environment_is_refused() {
            Map<String, String> raw = minimal();
            raw.remove(ConfigKeys.ENVIRONMENT);
            assertTrue(refusal(raw).startsWith("Unknown Login.gov environment"));
        }
    }

    @Nested
    class RegistrationSetting {
        @Test
        void verified_is_read_whatever_its_case() {
            assertEquals(
                    Registration.VERIFIED,
                    with(ConfigKeys.REGISTRATION, "verified").registration());
            assertEquals(
                    Registration.VERIFIED,
                    with(ConfigKeys.REGISTRATION, " Verified ").registration());
            assertEquals(
                    Registration.AUTH_ONLY,
                    with(ConfigKeys.REGISTRATION, "auth-only").registration());
        }

        @Test
        void an_unknown_registration_is_refused() {
            assertEquals(
                    "Login.gov registration must be auth-only or verified, not 'ial2'.",
                    refusal(ConfigKeys.REGISTRATION, "ial2"));
        }
    }

    @Nested
    class DefaultLevel {
        @Test
        void an_ial_and_an_aal_each_in_its_field() {
            Map<String, String> raw = minimal();
            raw.put(ConfigKeys.IAL, " " + VERIFIED + " ");
            raw.put(ConfigKeys.AAL, " " + AAL2 + " ");
            assertEquals(acr(VERIFIED + " " + AAL2), SettingsParser.parse(raw).defaultLevel());
        }

        @Test
        void a_legacy_aal_is_kept_as_written() {
            AcrValues level = with(ConfigKeys.AAL, LEGACY_PHISHING_RESISTANT).defaultLevel();
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT, level.aal());
            assertEquals(LEGACY_PHISHING_RESISTANT, level.aalValue());
            assertEquals(IdentityAssurance.AUTH_ONLY, level.ial());
        }

        @Test
        void no_ial_is_refused() {
            Map<String, String> raw = minimal();
            raw.remove(ConfigKeys.IAL);
            assertEquals("Choose a service level (IAL): Login.gov needs exactly one in every request.", refusal(raw));
            raw.put(ConfigKeys.IAL, "  ");
            assertEquals("Choose a service level (IAL): Login.gov needs exactly one in every request.", refusal(raw));
        }

        @Test
        void an_aal_without_an_ial_is_refused() {
            Map<String, String> raw = minimal();
            raw.remove(ConfigKeys.IAL);
            raw.put(ConfigKeys.AAL, AAL2);
            assertEquals(
                    "An authentication level (AAL) needs a service level (IAL) beside it: Login.gov answers '"
                            + AcrValues.MISSING_IAL + "' to an AAL alone.",
                    refusal(raw));
        }

        @Test
        void an_unknown_ial_is_refused() {
            String reason = refusal(ConfigKeys.IAL, "urn:acr.login.gov:gold");
            assertTrue(reason.startsWith("Login.gov does not know the acr value(s) urn:acr.login.gov:gold"), reason);
        }

        @Test
        void two_ials_in_the_ial_field_are_refused() {
            String reason = refusal(ConfigKeys.IAL, AUTH_ONLY + " " + VERIFIED);
            assertTrue(reason.startsWith("Send exactly one IAL value"), reason);
        }

        @Test
        void an_aal_in_the_ial_field_is_refused() {
            assertEquals(
                    "The service level (IAL) field holds the AAL value " + PIV_CAC
                            + ": put it in 'Authentication level (AAL)'.",
                    refusal(ConfigKeys.IAL, VERIFIED + " " + PIV_CAC));
            assertTrue(refusal(ConfigKeys.IAL, PIV_CAC).startsWith("An AAL value needs an IAL"));
        }

        @Test
        void an_unknown_aal_is_refused() {
            assertEquals(
                    "Login.gov does not know the authentication level (AAL) 'http://idmanagement.gov/ns/assurance/aal/1'.",
                    refusal(ConfigKeys.AAL, "http://idmanagement.gov/ns/assurance/aal/1"));
        }

        @Test
        void an_ial_in_the_aal_field_is_refused() {
            assertEquals(
                    "Two IAL values: '" + VERIFIED
                            + "' in 'Authentication level (AAL)' is a service level. Send exactly one.",
                    refusal(ConfigKeys.AAL, VERIFIED));
        }
    }

    @Nested
    class LevelNames {
        @Test
        void an_administrators_names_are_read_beside_the_built_in_ones() {
            LoginGovSettings settings = with(
                    ConfigKeys.ACR_NAMES,
                    "{\"gold\": \"" + VERIFIED + " " + PIV_CAC + "\", \"bronze\": \"" + AUTH_ONLY + "\"}");
            assertEquals(
                    Map.of("gold", acr(VERIFIED + " " + PIV_CAC), "bronze", acr(AUTH_ONLY)),
                    settings.assuranceNames().custom());
            assertEquals(
                    Optional.of(acr(VERIFIED + " " + PIV_CAC)),
                    settings.assuranceNames().levelFor("gold"));
            assertTrue(settings.assuranceNames().levelFor("verified").isPresent());
        }

        @Test
        void text_that_is_not_a_json_object_is_refused() {
            String expected = "Level names must be a JSON object from name to Login.gov acr values, e.g. "
                    + "{\"gold\": \"urn:acr.login.gov:verified\"}.";
            assertEquals(expected, refusal(ConfigKeys.ACR_NAMES, "gold=verified"));
            assertEquals(expected, refusal(ConfigKeys.ACR_NAMES, "[\"gold\"]"));
            assertEquals(expected, refusal(ConfigKeys.ACR_NAMES, "{\"gold\": "));
            assertEquals(
                    expected, refusal(ConfigKeys.ACR_NAMES, "null"), "the JSON literal null is not an object either");
        }

        @Test
        void a_value_that_is_not_a_string_is_refused() {
            assertEquals(
                    "Level names: the value of 'gold' must be a string of Login.gov acr values.",
                    refusal(ConfigKeys.ACR_NAMES, "{\"gold\": 3}"));
            assertEquals(
                    "Level names: the value of 'silver' must be a string of Login.gov acr values.",
                    refusal(ConfigKeys.ACR_NAMES, "{\"silver\": [\"" + AUTH_ONLY + "\"]}"));
            assertEquals(
                    "Level names: the value of 'tin' must be a string of Login.gov acr values.",
                    refusal(ConfigKeys.ACR_NAMES, "{\"tin\": null}"));
        }

        @Test
        void a_value_login_gov_would_refuse_is_refused_with_its_name() {
            String reason = refusal(ConfigKeys.ACR_NAMES, "{\"gold\": \"urn:acr.login.gov:platinum\"}");
            assertTrue(
                    reason.startsWith("Level names: Level 'gold': Login.gov does not know the acr value(s) "
                            + "urn:acr.login.gov:platinum"),
                    reason);
        }

        @Test
        void an_empty_name_is_refused() {
            assertEquals(
                    "Level names: A level name must not be empty.",
                    refusal(ConfigKeys.ACR_NAMES, "{\"\": \"" + AUTH_ONLY + "\"}"));
        }
    }

    @Nested
    class Attributes {
        @Test
        void keycloak_multi_valued_choice_is_split_on_double_hashes() {
            Set<LoginGovAttribute> chosen =
                    EnumSet.of(LoginGovAttribute.EMAIL, LoginGovAttribute.ALL_EMAILS, LoginGovAttribute.X509_PRESENTED);
            assertEquals(
                    Optional.of(chosen),
                    with(ConfigKeys.ATTRIBUTES, "email##all_emails##x509_presented")
                            .attributes());
        }

        @Test
        void commas_and_spaces_also_separate_attributes() {
            assertEquals(
                    Optional.of(EnumSet.of(LoginGovAttribute.EMAIL, LoginGovAttribute.PHONE, LoginGovAttribute.LOCALE)),
                    with(ConfigKeys.ATTRIBUTES, " email, phone  locale ").attributes());
            assertEquals(
                    Optional.of(EnumSet.of(LoginGovAttribute.EMAIL, LoginGovAttribute.ADDRESS)),
                    with(ConfigKeys.ATTRIBUTES, "email## ,address,").attributes());
        }

        @Test
        void a_repeated_attribute_is_chosen_once() {
            assertEquals(
                    Optional.of(Set.of(LoginGovAttribute.EMAIL)),
                    with(ConfigKeys.ATTRIBUTES, "email##email").attributes());
        }

        @Test
        void blank_attributes_mean_scopes_written_by_hand() {
            assertEquals(Optional.empty(), with(ConfigKeys.ATTRIBUTES, "").attributes());
            assertEquals(Optional.empty(), with(ConfigKeys.ATTRIBUTES, "   ").attributes());
        }

        @Test
        void unknown_attributes_are_refused_all_at_once_with_the_choices() {
            String reason = refusal(ConfigKeys.ATTRIBUTES, "email##shoe_size##hat");
            assertTrue(
                    reason.startsWith(
                            "Login.gov has no attribute shoe_size, hat. Choose among email, all_emails, locale, "),
                    reason);
            assertTrue(reason.endsWith("x509_issuer, x509_presented."), reason);
        }
    }

    @Nested
    class ClientAuthenticationSetting {
        @Test
        void pkce_is_read_whatever_its_case() {
            assertEquals(
                    ClientAuthentication.PKCE,
                    with(ConfigKeys.CLIENT_AUTHENTICATION, "pkce").clientAuthentication());
            assertEquals(
                    ClientAuthentication.PKCE,
                    with(ConfigKeys.CLIENT_AUTHENTICATION, " PKCE ").clientAuthentication());
            assertEquals(
                    ClientAuthentication.PRIVATE_KEY_JWT,
                    with(ConfigKeys.CLIENT_AUTHENTICATION, "private_key_jwt").clientAuthentication());
        }

        @Test
        void an_unknown_method_is_refused() {
            assertEquals(
                    "Unknown client authentication 'client_secret_basic': choose private_key_jwt or pkce.",
                    refusal(ConfigKeys.CLIENT_AUTHENTICATION, "client_secret_basic"));
        }

        @Test
        void the_signing_key_id_is_trimmed() {
            assertEquals(
                    Optional.of("logingov-key"),
                    with(ConfigKeys.SIGNING_KEY_ID, "  logingov-key ").signingKeyId());
        }
    }

    @Nested
    class IdTokenMaxAge {
        @Test
        void a_number_of_seconds_is_read() {
            assertEquals(
                    Duration.ofSeconds(600),
                    with(ConfigKeys.ID_TOKEN_MAX_AGE, "600").idTokenMaxAge());
            assertEquals(
                    Duration.ofSeconds(60),
                    with(ConfigKeys.ID_TOKEN_MAX_AGE, " 60 ").idTokenMaxAge());
            assertEquals(
                    Duration.ofSeconds(1),
                    with(ConfigKeys.ID_TOKEN_MAX_AGE, "1").idTokenMaxAge());
        }

        @Test
        void text_that_is_not_a_whole_number_is_refused() {
            assertEquals(
                    "The id_token maximum age must be a positive number of seconds, not 'five minutes'.",
                    refusal(ConfigKeys.ID_TOKEN_MAX_AGE, "five minutes"));
            assertEquals(
                    "The id_token maximum age must be a positive number of seconds, not '1.5'.",
                    refusal(ConfigKeys.ID_TOKEN_MAX_AGE, "1.5"));
        }

        @Test
        void zero_is_refused() {
            assertEquals(
                    "The id_token maximum age must be a positive number of seconds, not '0'.",
                    refusal(ConfigKeys.ID_TOKEN_MAX_AGE, "0"));
        }

        @Test
        void a_negative_number_is_refused() {
            assertEquals(
                    "The id_token maximum age must be a positive number of seconds, not '-5'.",
                    refusal(ConfigKeys.ID_TOKEN_MAX_AGE, "-5"));
        }
    }

    @Nested
    class ReuseTimes {
        @Test
        void the_defaults_are_twelve_hours_for_a_verified_identity_and_one_hour_for_a_strong_authentication() {
            LoginGovSettings settings = SettingsParser.parse(minimal());
            assertEquals(Duration.ofSeconds(43200), settings.ialMaxAge());
            assertEquals(Duration.ofSeconds(3600), settings.aalMaxAge());
            assertEquals(Duration.ofHours(12), with(ConfigKeys.IAL_MAX_AGE, " ").ialMaxAge());
        }

        @Test
        void numbers_of_seconds_are_read() {
            assertEquals(
                    Duration.ofSeconds(600),
                    with(ConfigKeys.IAL_MAX_AGE, " 600 ").ialMaxAge());
            assertEquals(
                    Duration.ofSeconds(900), with(ConfigKeys.AAL_MAX_AGE, "900").aalMaxAge());
            assertEquals(
                    Duration.ofDays(7), with(ConfigKeys.IAL_MAX_AGE, "604800").ialMaxAge());
            assertEquals(
                    Duration.ofHours(12), with(ConfigKeys.AAL_MAX_AGE, "43200").aalMaxAge());
        }

        @Test
        void zero_negative_or_text_is_refused() {
            assertEquals(
                    "The verified identity (IAL) reuse time must be a positive number of seconds, not '0'.",
                    refusal(ConfigKeys.IAL_MAX_AGE, "0"));
            assertEquals(
                    "The strong authentication (AAL) reuse time must be a positive number of seconds, not '-1'.",
                    refusal(ConfigKeys.AAL_MAX_AGE, "-1"));
            assertEquals(
                    "The strong authentication (AAL) reuse time must be a positive number of seconds, not 'an hour'.",
                    refusal(ConfigKeys.AAL_MAX_AGE, "an hour"));
            assertTrue(refusal(ConfigKeys.IAL_MAX_AGE, "9".repeat(40)).contains("positive number of seconds"));
        }

        @Test
        void more_than_the_maximum_is_refused() {
            assertEquals(
                    "The verified identity (IAL) reuse time must be at most 604800 seconds (7 days), not 604801.",
                    refusal(ConfigKeys.IAL_MAX_AGE, "604801"));
            assertEquals(
                    "The strong authentication (AAL) reuse time must be at most 43200 seconds (12 hours), not 43201.",
                    refusal(ConfigKeys.AAL_MAX_AGE, "43201"));
            assertEquals(
                    "The id_token maximum age must be at most 86400 seconds (1 day), not 86401.",
                    refusal(ConfigKeys.ID_TOKEN_MAX_AGE, "86401"));
        }
    }

    @Nested
    class Reauthentication {
        @Test
        void it_is_off_unless_set() {
            assertEquals(false, SettingsParser.parse(minimal()).reauthenticationAllowed());
            assertEquals(false, with(ConfigKeys.REAUTHENTICATION, "false").reauthenticationAllowed());
            assertEquals(false, with(ConfigKeys.REAUTHENTICATION, "").reauthenticationAllowed());
        }

        @Test
        void true_in_any_case_turns_it_on() {
            assertEquals(true, with(ConfigKeys.REAUTHENTICATION, "true").reauthenticationAllowed());
            assertEquals(true, with(ConfigKeys.REAUTHENTICATION, " TRUE ").reauthenticationAllowed());
        }

        @Test
        void anything_else_is_refused() {
            assertEquals(
                    "'Login.gov reauthentication allowed' must be true or false, not 'yes'.",
                    refusal(ConfigKeys.REAUTHENTICATION, "yes"));
        }
    }

    @Nested
    class AlwaysCallUserinfo {
        @Test
        void it_is_off_unless_set_so_the_id_token_is_read() {
            assertEquals(false, SettingsParser.parse(minimal()).alwaysCallUserinfo());
            assertEquals(false, with(ConfigKeys.ALWAYS_CALL_USERINFO, "false").alwaysCallUserinfo());
            assertEquals(false, with(ConfigKeys.ALWAYS_CALL_USERINFO, " ").alwaysCallUserinfo());
        }

        @Test
        void true_in_any_case_turns_it_on() {
            assertEquals(true, with(ConfigKeys.ALWAYS_CALL_USERINFO, "true").alwaysCallUserinfo());
            assertEquals(true, with(ConfigKeys.ALWAYS_CALL_USERINFO, "True").alwaysCallUserinfo());
        }

        @Test
        void anything_else_is_refused_naming_the_field() {
            assertEquals(
                    "'Always call userinfo' must be true or false, not 'on'.",
                    refusal(ConfigKeys.ALWAYS_CALL_USERINFO, "on"));
        }
    }

    @Nested
    class Timeouts {
        @Test
        void the_defaults_are_five_seconds_to_connect_and_ten_to_read() {
            UpstreamTimeouts timeouts = SettingsParser.parse(minimal()).timeouts();
            assertEquals(Duration.ofSeconds(5), timeouts.connect());
            assertEquals(Duration.ofSeconds(10), timeouts.read());
            assertEquals(
                    UpstreamTimeouts.DEFAULTS,
                    with(ConfigKeys.READ_TIMEOUT, " ").timeouts());
        }

        @Test
        void milliseconds_are_read() {
            Map<String, String> raw = minimal();
            raw.put(ConfigKeys.CONNECT_TIMEOUT, "750");
            raw.put(ConfigKeys.READ_TIMEOUT, " 2000 ");
            UpstreamTimeouts timeouts = SettingsParser.parse(raw).timeouts();
            assertEquals(750, timeouts.connectMillis());
            assertEquals(2000, timeouts.readMillis());
        }

        @Test
        void too_short_too_long_or_text_is_refused_naming_the_field_and_the_range() {
            assertEquals(
                    "Connect timeout (milliseconds): The connect timeout must be a whole number of milliseconds from 100"
                            + " to 30000, not '99'.",
                    assertThrows(InvalidSettingsException.class, () -> with(ConfigKeys.CONNECT_TIMEOUT, "99"))
                            .getMessage());
            assertEquals(
                    "The read timeout must be a whole number of milliseconds from 100 to 60000, not '60001'.",
                    refusal(ConfigKeys.READ_TIMEOUT, "60001"));
            assertEquals(
                    "The read timeout must be a whole number of milliseconds from 100 to 60000, not '2s'.",
                    refusal(ConfigKeys.READ_TIMEOUT, "2s"));
            assertEquals(
                    "The connect timeout must be a whole number of milliseconds from 100 to 30000, not '-5'.",
                    refusal(ConfigKeys.CONNECT_TIMEOUT, "-5"));
        }

        @Test
        void both_refusals_come_in_one_message() {
            Map<String, String> raw = minimal();
            raw.put(ConfigKeys.CONNECT_TIMEOUT, "0");
            raw.put(ConfigKeys.READ_TIMEOUT, "forever");
            String message = assertThrows(InvalidSettingsException.class, () -> SettingsParser.parse(raw))
                    .getMessage();
            assertTrue(message.startsWith("2 Login.gov settings need a change:"), message);
            assertTrue(message.contains("(1) Connect timeout (milliseconds):"), message);
            assertTrue(message.contains("(2) Read timeout (milliseconds):"), message);
        }
    }
}
