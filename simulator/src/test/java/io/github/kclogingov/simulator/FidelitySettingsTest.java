package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login.gov's behaviours behind their switches: the id_token's userinfo payload
 * ({@code IdTokenBuilder}), the echoed highest AAL ({@code OpenidConnectAuthorizeForm}), and the
 * admin API and configuration file that set them and the session and logout switches.
 */
class FidelitySettingsTest {
    private static final String PIV_CAC = "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true";
    private static final String AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";
    private static final String PHISHING_RESISTANT =
            "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private HttpResponse<String> settings(Map<String, String> form) {
        return Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_SETTINGS_PATH, form);
    }

    @Nested
    class Id_token_payload {
        private Flows.Tokens verifiedSignIn() {
            return Flows.signIn(
                    simulator,
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                            .acr(AuthorizeParams.VERIFIED)
                            .scope("openid email profile social_security_number"));
        }

        @Test
        void carries_the_scoped_userinfo_claims_as_login_gov_s_does() {
            Flows.Tokens tokens = verifiedSignIn();
            Map<String, Object> userinfo = Flows.userinfo(simulator, tokens.accessToken());
            for (String claim : userinfo.keySet()) {
                assertEquals(userinfo.get(claim), normalised(tokens.claim(claim)), claim);
            }
            assertEquals("900123456", tokens.claim("social_security_number"));
        }

        @Test
        void switched_off_it_keeps_the_token_and_assurance_claims_only() {
            simulator.setIdTokenCarriesUserinfo(false);
            Flows.Tokens tokens = verifiedSignIn();
            assertNull(tokens.claim("email"));
            assertNull(tokens.claim("given_name"));
            assertNull(tokens.claim("social_security_number"));
            assertEquals("urn:acr.login.gov:verified", tokens.claim("acr"));
            assertEquals("urn:acr.login.gov:verified", tokens.claim("ial"));
            assertTrue(tokens.claims().getClaims().containsKey("aal"));
            assertEquals(
                    "900123456",
                    Flows.userinfo(simulator, tokens.accessToken()).get("social_security_number"),
                    "userinfo still answers everything");
        }

        @Test
        void the_admin_api_switches_it() {
            assertEquals(204, settings(Map.of("idTokenUserinfo", "false")).statusCode());
            assertFalse(simulator.idTokenCarriesUserinfo());
            assertNull(verifiedSignIn().claim("email"));
        }

        /** Nimbus reads JSON integers as Long and the id_token's as Long too; the rest compares as is. */
        private Object normalised(Object value) {
            return value instanceof java.util.Date date ? date.toInstant().getEpochSecond() : value;
        }
    }

    @Nested
    class Acr_and_aal {
        @Test
        void several_aal_values_are_accepted_and_the_highest_is_echoed() {
            Flows.Tokens tokens = Flows.signIn(
                    simulator,
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                            .acr(AAL2 + " " + AuthorizeParams.AUTH_ONLY + " " + PIV_CAC + " " + PHISHING_RESISTANT));
            assertEquals(PIV_CAC, tokens.claim("aal"));
            assertEquals(
                    PIV_CAC, Flows.userinfo(simulator, tokens.accessToken()).get("aal"));
        }

        @Test
        void acr_carries_the_ial_only() {
            Flows.Tokens tokens = Flows.signIn(
                    simulator,
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                            .acr(AuthorizeParams.VERIFIED + " " + PHISHING_RESISTANT));
            assertEquals("urn:acr.login.gov:verified", tokens.claim("acr"));
            assertEquals(PHISHING_RESISTANT, tokens.claim("aal"));
        }
    }

    @Nested
    class Admin_api {
        @Test
        void sets_the_session_timeout_and_the_logout_confirmation() {
            HttpResponse<String> response =
                    settings(Map.of("sessionTimeoutSeconds", "120", "logoutConfirmation", "never"));
            assertEquals(204, response.statusCode(), response::body);
            assertEquals(Duration.ofSeconds(120), simulator.sessionTimeout());
            assertEquals(LogoutConfirmation.NEVER, simulator.logoutConfirmation());
        }

        @Test
        void ends_a_persona_s_sessions() {
            Flows.Tokens tokens = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
            assertEquals(204, settings(Map.of("endSessionsOf", "verified")).statusCode());
            HttpResponse<String> userinfo =
                    Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer " + tokens.accessToken());
            assertEquals(401, userinfo.statusCode());
        }

        @Test
        void a_bad_value_is_400_and_changes_nothing() {
            HttpResponse<String> response =
                    settings(Map.of("sessionTimeoutSeconds", "120", "logoutConfirmation", "sometimes"));
            assertEquals(400, response.statusCode());
            assertTrue(((String) Http.json(response).get("error")).contains("LogoutConfirmation"));
            assertEquals(Duration.ofSeconds(900), simulator.sessionTimeout());
            assertEquals(400, settings(Map.of("sessionTimeoutSeconds", "0")).statusCode());
            assertEquals(400, settings(Map.of("endSessionsOf", "nobody")).statusCode());
        }
    }

    @Nested
    class Configuration_file {
        @TempDir
        Path folder;

        @Test
        void reads_every_switch() throws Exception {
            Path file = folder.resolve("simulator.json");
            Files.writeString(
                    file,
                    "{\"sessionTimeoutSeconds\": 600, \"throttle\": {\"limit\": 10, \"periodSeconds\": 60},"
                            + " \"logoutConfirmation\": \"never\", \"idTokenCarriesUserinfo\": false,"
                            + " \"serviceProviders\": []}");
            SimulatorConfig config = Main.readConfig(file).build();
            assertEquals(Duration.ofSeconds(600), config.sessionTimeout());
            assertEquals(ThrottleSettings.of(10, Duration.ofSeconds(60)), config.throttle());
            assertEquals(LogoutConfirmation.NEVER, config.logoutConfirmation());
            assertFalse(config.idTokenCarriesUserinfo());
        }

        @Test
        void left_out_they_are_login_gov_s() throws Exception {
            Path file = folder.resolve("simulator.json");
            Files.writeString(file, "{\"serviceProviders\": []}");
            SimulatorConfig config = Main.readConfig(file).build();
            assertEquals(Duration.ofSeconds(900), config.sessionTimeout());
            assertEquals(ThrottleSettings.loginGovDefault(), config.throttle());
            assertEquals(LogoutConfirmation.WHEN_SIGNED_IN, config.logoutConfirmation());
            assertTrue(config.idTokenCarriesUserinfo());
        }

        @Test
        void the_throttle_can_be_switched_off() throws Exception {
            Path file = folder.resolve("simulator.json");
            Files.writeString(file, "{\"throttle\": {\"enabled\": false}, \"serviceProviders\": []}");
            assertFalse(Main.readConfig(file).build().throttle().enabled());
        }
    }
}
