package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginGovIdentityProviderConfigTest {

    static LoginGovIdentityProviderConfig valid() {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        config.getConfig().put("clientId", "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app");
        config.getConfig().put(ConfigKeys.SIGNING_KEY_ID, "logingov-key");
        return config;
    }

    static String refusal(LoginGovIdentityProviderConfig config) {
        return assertThrows(IllegalArgumentException.class, config::validateLoginGovSettings)
                .getMessage();
    }

    @Nested
    class Defaults {
        @Test
        void a_new_provider_targets_the_sandbox_at_auth_only_with_private_key_jwt() {
            LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
            assertEquals(LoginGovEnvironment.SANDBOX, config.settings().environment());
            assertEquals(
                    IdentityAssurance.AUTH_ONLY,
                    config.settings().defaultLevel().ial());
            assertEquals(ClientAuthentication.PRIVATE_KEY_JWT, config.settings().clientAuthentication());
            assertEquals("openid email", config.getDefaultScope());
            assertEquals(Duration.ofMinutes(5), config.settings().idTokenMaxAge());
        }

        @Test
        void protocol_settings_cannot_be_switched_off() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put("validateSignature", "false");
            config.getConfig().put("sendIdTokenOnLogout", "true");
            config.getConfig().put("pkceMethod", "plain");
            config.getConfig().put("tokenUrl", "https://evil.example/token");
            config.getConfig().put("forwardParameters", "acr_values");
            assertTrue(config.isValidateSignature());
            assertFalse(config.isSendIdTokenOnLogout());
            assertTrue(config.isSendClientIdOnLogout());
            assertEquals("S256", config.getPkceMethod());
            assertEquals("https://idp.int.identitysandbox.gov/api/openid_connect/token", config.getTokenUrl());
            assertEquals(
                    "https://idp.int.identitysandbox.gov/api/openid_connect/token",
                    config.getClientAssertionAudience());
            assertEquals("", config.getForwardParameters());
            assertEquals("select_account", config.getPrompt());
        }

        @Test
        void a_custom_environment_derives_endpoints_from_its_base_url() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ENVIRONMENT, "custom");
            config.getConfig().put(ConfigKeys.BASE_URL, "http://localhost:8081");
            assertEquals("http://localhost:8081/", config.getIssuer());
            assertEquals("http://localhost:8081/api/openid_connect/certs", config.getJwksUrl());
            assertEquals("http://localhost:8081/openid_connect/logout", config.getLogoutUrl());
        }

        @Test
        void the_clock_skew_is_never_zero() {
            assertEquals(10, valid().getAllowedClockSkew());
        }
    }

    @Nested
    class AllProblemsTogether {
        @Test
        void every_problem_is_reported_in_one_refusal_each_naming_its_field() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove("clientId");
            config.getConfig().put(ConfigKeys.ID_TOKEN_MAX_AGE, "0");
            config.getConfig().put(ConfigKeys.AAL, "http://idmanagement.gov/ns/assurance/aal/1");
            // An empty key ID is no problem any more: saving generates a key (ClientAssertionKeySetup).
            config.getConfig().put(ConfigKeys.SIGNING_KEY_ID, " ");
            String message = refusal(config);
            assertTrue(message.startsWith("3 Login.gov settings need a change: (1) "), message);
            assertTrue(message.contains("Default authentication level (AAL): Login.gov does not know"), message);
            assertTrue(message.contains("id_token maximum age (seconds): The id_token maximum age must be"), message);
            assertTrue(message.contains("Client ID: The client ID is required"), message);
        }

        @Test
        void a_rule_built_on_a_setting_that_could_not_be_read_adds_no_second_problem() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.REGISTRATION, "ial2");
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:verified");
            String message = refusal(config);
            assertTrue(message.startsWith("Login.gov registration: "), message);
        }

        @Test
        void switching_on_what_login_gov_forbids_is_refused_not_undone() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.STORE_TOKEN_IN_SESSION, "true");
            config.getConfig().put(ConfigKeys.DISABLE_USER_INFO, "true");
            String message = refusal(config);
            assertTrue(message.contains("Store token in session: Turn it off"), message);
            assertTrue(message.contains("Disable user info: Turn it off"), message);
        }
    }

    @Nested
    class DerivedFieldsEdited {
        private final Map<String, String> stored = Map.of(
                ConfigKeys.SCOPES, "openid email",
                ConfigKeys.LOGOUT_REDIRECT_URI,
                        "https://sso.example.gov/realms/agency/broker/logingov/endpoint/logout_response");
        private final java.util.Optional<String> derivedLogout =
                java.util.Optional.of(stored.get(ConfigKeys.LOGOUT_REDIRECT_URI));

        @Test
        void values_left_as_the_console_loaded_them_pass_and_the_scopes_follow_the_attributes() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().putAll(stored);
            config.getConfig().put(ConfigKeys.ATTRIBUTES, "email##locale");
            config.validateLoginGovSettings(java.util.Optional.of(stored), derivedLogout);
            assertEquals("openid email locale", config.getDefaultScope());
        }

        @Test
        void scopes_edited_by_hand_while_attributes_are_chosen_are_refused_with_what_to_do() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().putAll(stored);
            config.getConfig().put(ConfigKeys.SCOPES, "openid email profile");
            String message = assertThrows(
                            InvalidSettingsException.class,
                            () -> config.validateLoginGovSettings(java.util.Optional.of(stored), derivedLogout))
                    .getMessage();
            assertTrue(message.startsWith("Scopes: They follow 'Login.gov attributes' (openid email"), message);
        }

        @Test
        void an_edited_logout_redirect_uri_is_refused_with_the_value_to_put_back() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().putAll(stored);
            config.getConfig().put(ConfigKeys.LOGOUT_REDIRECT_URI, "https://elsewhere.example/");
            String message = assertThrows(
                            InvalidSettingsException.class,
                            () -> config.validateLoginGovSettings(java.util.Optional.of(stored), derivedLogout))
                    .getMessage();
            assertTrue(
                    message.startsWith("Logout redirect URI (register it too): It is filled in by Keycloak"), message);
            assertTrue(message.endsWith("Put back " + derivedLogout.get() + "."), message);
        }

        @Test
        void a_new_provider_copied_from_another_takes_its_own_logout_redirect_uri() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig()
                    .put(
                            ConfigKeys.LOGOUT_REDIRECT_URI,
                            "https://sso.example.gov/realms/agency/broker/other/endpoint/logout_response");
            config.validateLoginGovSettings(java.util.Optional.empty(), derivedLogout);
        }

        @Test
        void a_new_provider_shows_how_the_logout_redirect_uri_is_made_until_it_is_saved() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.LOGOUT_REDIRECT_URI, ConfigForm.LOGOUT_REDIRECT_URI_BEFORE_SAVE);
            config.validateLoginGovSettings(java.util.Optional.empty(), derivedLogout);
        }
    }

    @Nested
    class Refusals {
        @Test
        void a_valid_configuration_passes() {
            valid().validateLoginGovSettings();
        }

        @Test
        void a_missing_client_id() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove("clientId");
            assertTrue(refusal(config).contains("client ID is required"));
        }

        @Test
        void a_client_id_with_spaces() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put("clientId", "urn:gov agency");
            assertTrue(refusal(config).contains("must not contain spaces"));
        }

        @Test
        void an_unknown_environment() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ENVIRONMENT, "staging");
            assertTrue(refusal(config).contains("Unknown Login.gov environment"));
        }

        @Test
        void a_custom_environment_without_url() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ENVIRONMENT, "custom");
            assertTrue(refusal(config).contains("base URL is required"));
        }

        @Test
        void an_unknown_ial() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:gold");
            assertTrue(refusal(config).contains("does not know the acr value(s) urn:acr.login.gov:gold"));
        }

        @Test
        void an_unknown_aal() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.AAL, "http://idmanagement.gov/ns/assurance/aal/1");
            assertTrue(refusal(config).contains("does not know the authentication level (AAL)"));
        }

        @Test
        void private_key_jwt_without_a_chosen_key_is_left_to_the_key_setup_which_generates_one() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove(ConfigKeys.SIGNING_KEY_ID);
            config.validateLoginGovSettings();
        }

        @Test
        void pkce_needs_no_key() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove(ConfigKeys.SIGNING_KEY_ID);
            config.getConfig().put(ConfigKeys.CLIENT_AUTHENTICATION, "pkce");
            config.validateLoginGovSettings();
        }

        @Test
        void scopes_without_openid_or_with_unknown_values() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove(ConfigKeys.ATTRIBUTES);
            config.getConfig().put("defaultScope", "email");
            assertTrue(refusal(config).contains("openid"));
            config.getConfig().put("defaultScope", "openid email groups");
            assertTrue(refusal(config).contains("groups"));
        }

        @Test
        void verified_scopes_at_auth_only() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove(ConfigKeys.ATTRIBUTES);
            config.getConfig().put("defaultScope", "openid email profile:name");
            assertTrue(refusal(config).contains("need a verified service level"));
            config.getConfig().put(ConfigKeys.REGISTRATION, "verified");
            // Accepted: sent whenever a sign-in asks for a verified level.
            config.validateLoginGovSettings();
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:verified");
            config.validateLoginGovSettings();
        }

        @Test
        void chosen_attributes_decide_the_scopes() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put("defaultScope", "openid written by hand");
            config.getConfig().put(ConfigKeys.ATTRIBUTES, "email##all_emails##x509_presented");
            config.validateLoginGovSettings();
            assertEquals("openid email all_emails x509:presented", config.getDefaultScope());
        }

        @Test
        void verified_only_attributes_need_a_verified_registration() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ATTRIBUTES, "email##birthdate##social_security_number");
            assertTrue(refusal(config).contains("birthdate, social_security_number need a verified level"));
            config.getConfig().put(ConfigKeys.REGISTRATION, "verified");
            config.validateLoginGovSettings();
            assertEquals("openid email profile:birthdate social_security_number", config.getDefaultScope());
        }

        @Test
        void an_unknown_attribute() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ATTRIBUTES, "email##shoe_size");
            assertTrue(refusal(config).contains("Login.gov has no attribute shoe_size"));
        }

        @Test
        void a_verified_level_on_an_auth_only_registration() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:verified");
            assertTrue(refusal(config).contains("registered as authentication only"));
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:auth-only");
            config.getConfig().put(ConfigKeys.ACR_NAMES, "{\"gold\": \"urn:acr.login.gov:verified\"}");
            assertTrue(refusal(config).contains("Level name 'gold'"));
        }

        @Test
        void two_ial_values() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:auth-only urn:acr.login.gov:verified");
            assertTrue(refusal(config).contains("exactly one IAL value"));
            config.getConfig().put(ConfigKeys.IAL, "urn:acr.login.gov:auth-only");
            config.getConfig().put(ConfigKeys.AAL, "urn:acr.login.gov:verified");
            assertTrue(refusal(config).contains("Two IAL values"));
        }

        @Test
        void an_aal_without_an_ial() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().remove(ConfigKeys.IAL);
            config.getConfig().put(ConfigKeys.AAL, "http://idmanagement.gov/ns/assurance/aal/2");
            assertTrue(refusal(config).contains("needs a service level (IAL) beside it"));
            config.getConfig().put(ConfigKeys.IAL, "http://idmanagement.gov/ns/assurance/aal/2");
            config.getConfig().remove(ConfigKeys.AAL);
            assertTrue(refusal(config).contains("needs an IAL (service level) value beside it"));
        }

        @Test
        void level_names_that_are_not_a_json_object_of_acr_values() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ACR_NAMES, "[1, 2]");
            assertTrue(refusal(config).contains("JSON object"));
            config.getConfig().put(ConfigKeys.ACR_NAMES, "{\"gold\": 3}");
            assertTrue(refusal(config).contains("must be a string"));
            config.getConfig().put(ConfigKeys.ACR_NAMES, "{\"gold\": \"urn:acr.login.gov:platinum\"}");
            assertTrue(refusal(config).contains("Level 'gold'"));
            config.getConfig()
                    .put(
                            ConfigKeys.ACR_NAMES,
                            "{\"strong\": \"urn:acr.login.gov:auth-only http://idmanagement.gov/ns/assurance/aal/2?hspd12=true\"}");
            config.validateLoginGovSettings();
        }

        @Test
        void a_bad_id_token_max_age() {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ID_TOKEN_MAX_AGE, "-5");
            assertTrue(refusal(config).contains("positive number of seconds"));
        }
    }

    @Nested
    class Tokens {
        @Test
        void store_tokens_is_refused_on_save_saying_why() {
            LoginGovIdentityProviderConfig config = valid();
            config.setStoreToken(true);
            String message = refusal(config);
            assertTrue(message.contains("Turn 'Store tokens' off"), message);
            assertTrue(message.contains("Social Security number"), message);
            assertTrue(message.contains("bearer token"), message);
            config.setStoreToken(false);
            config.validateLoginGovSettings();
        }

        @Test
        void tokens_are_never_stored_whatever_the_stored_model_says() {
            LoginGovIdentityProviderConfig config = valid();
            config.setStoreToken(true);
            config.getConfig().put(ConfigKeys.STORE_TOKEN_IN_SESSION, "true");
            assertEquals(Boolean.FALSE, config.isStoreToken());
            assertFalse(config.isStoreTokenInSession());
            assertFalse(config.isSendIdTokenOnLogout());
            assertEquals(Boolean.FALSE, new LoginGovIdentityProviderConfig(config).isStoreToken());
        }

        @Test
        void the_saved_configuration_shows_them_off() {
            Map<String, String> pinned = valid().pinnedValues();
            assertEquals("false", pinned.get("storeToken"));
            assertEquals("false", pinned.get("storeTokenInSession"));
            assertEquals("false", pinned.get("sendIdTokenOnLogout"));
        }
    }

    @Nested
    class CustomBaseUrl {
        static LoginGovIdentityProviderConfig custom(String baseUrl) {
            LoginGovIdentityProviderConfig config = valid();
            config.getConfig().put(ConfigKeys.ENVIRONMENT, "custom");
            config.getConfig().put(ConfigKeys.BASE_URL, baseUrl);
            return config;
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://example.gov",
                    "http://localhost:8081/",
                    "http://LOCALHOST:8081/",
                    "http://127.0.0.1:8081/",
                    "http://127.1.2.3/",
                    "http://[::1]:8081/",
                    "http://[0:0:0:0:0:0:0:1]:8081/"
                })
        void https_or_a_loopback_host_is_accepted(String baseUrl) {
            custom(baseUrl).validateLoginGovSettings();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://example.gov",
                    "http://localhost.evil.example/",
                    "http://127.0.0.1.evil.example/",
                    "http://128.0.0.1/",
                    "http://10.0.0.1/",
                    "http://[::2]/",
                    "http://0.0.0.0/"
                })
        void plain_http_elsewhere_is_refused(String baseUrl) {
            String message = refusal(custom(baseUrl));
            assertTrue(message.contains("must start with https://"), message);
            assertTrue(message.contains("localhost, 127.0.0.1 or [::1]"), message);
        }
    }
}
