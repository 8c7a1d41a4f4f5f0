package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserinfoEndpointTest {
    private static final String ALL_SCOPES =
            "openid email all_emails locale profile address phone social_security_number x509";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private Map<String, Object> userinfo(String persona, AuthorizeParams params) {
        simulator.setAutoPersona(persona);
        return Flows.userinfo(simulator, Flows.signIn(simulator, params).accessToken());
    }

    private static void assertUnauthorized(HttpResponse<String> response, String text) {
        assertEquals(401, response.statusCode());
        assertEquals(text, Http.json(response).get("error"));
    }

    @Nested
    class Refusals {
        @Test
        void no_authorization_header() {
            assertUnauthorized(Http.get(simulator.endpoints().userinfo()), UserinfoEndpoint.NO_AUTHORIZATION);
            assertEquals(401, simulator.recorder().userinfoRequests().get(0).status());
        }

        @Test
        void not_a_bearer_header() {
            assertUnauthorized(
                    Http.get(simulator.endpoints().userinfo(), "Authorization", "Basic dXNlcjpwYXNz"),
                    UserinfoEndpoint.MALFORMED);
        }

        @Test
        void unknown_token() {
            assertUnauthorized(
                    Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer not-a-token"),
                    UserinfoEndpoint.NOT_FOUND);
        }

        @Test
        void expired_token() {
            String accessToken = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                    .accessToken();
            SharedSimulator.CLOCK.advance(Duration.ofSeconds(901));
            assertUnauthorized(
                    Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer " + accessToken),
                    UserinfoEndpoint.NOT_FOUND);
        }

        @Test
        void post_is_not_allowed() {
            String accessToken = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                    .accessToken();
            HttpResponse<String> response = Http.send(
                    HttpRequest.newBuilder(URI.create(simulator.endpoints().userinfo()))
                            .header("Authorization", "Bearer " + accessToken)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build());
            assertEquals(405, response.statusCode());
        }
    }

    @Nested
    class Claims {
        @Test
        void always_sub_iss_ial_aal_and_the_record_names_client_and_persona() {
            Map<String, Object> claims = userinfo(
                    "auth-only",
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL).scope("openid"));
            assertEquals(simulator.subjectOf("auth-only", TestClients.CONFIDENTIAL), claims.get("sub"));
            assertEquals(simulator.issuer(), claims.get("iss"));
            assertEquals(AuthorizeParams.AUTH_ONLY, claims.get("ial"));
            assertTrue(claims.containsKey("aal"));
            assertEquals(4, claims.size(), claims::toString);
            RecordedUserinfo recorded = simulator.recorder().userinfoRequests().get(0);
            assertEquals(TestClients.CONFIDENTIAL, recorded.clientId());
            assertEquals("auth-only", recorded.personaId());
        }

        @Test
        void auth_only_persona_gets_emails_and_locale_only() {
            Map<String, Object> claims = userinfo(
                    "auth-only",
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL).scope(ALL_SCOPES));
            assertEquals("casey.authonly@example.com", claims.get("email"));
            assertEquals(true, claims.get("email_verified"));
            assertEquals(List.of("casey.authonly@example.com", "casey.second@example.org"), claims.get("all_emails"));
            assertEquals("en", claims.get("locale"));
            assertFalse(claims.containsKey("given_name"));
            assertFalse(claims.containsKey("social_security_number"));
            assertTrue(claims.containsKey("verified_at"));
            assertNull(claims.get("verified_at"), "an unproofed persona was never verified");
        }

        @Test
        void verified_persona_at_a_verified_level_gets_everything_in_production_formats() {
            Map<String, Object> claims = userinfo(
                    "verified",
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                            .acr(AuthorizeParams.VERIFIED)
                            .scope(ALL_SCOPES));
            assertEquals("Jordan", claims.get("given_name"));
            assertEquals("Verified", claims.get("family_name"));
            assertEquals("1985-04-12", claims.get("birthdate"));
            @SuppressWarnings("unchecked")
            Map<String, Object> address = (Map<String, Object>) claims.get("address");
            assertEquals("123 Fictional Avenue\nApartment 4\nTestville, MD 20999", address.get("formatted"));
            assertEquals("123 Fictional Avenue\nApartment 4", address.get("street_address"));
            assertEquals("Testville", address.get("locality"));
            assertEquals("MD", address.get("region"));
            assertEquals("20999", address.get("postal_code"));
            assertTrue(((String) claims.get("phone")).matches("\\+1\\d{10}"));
            assertEquals(true, claims.get("phone_verified"));
            assertTrue(((String) claims.get("social_security_number")).matches("\\d{9}"));
            assertEquals(1709307000L, ((Number) claims.get("verified_at")).longValue());
            assertNull(claims.get("x509_subject"));
            assertEquals(false, claims.get("x509_presented"));
        }

        @Test
        void verified_at_is_null_for_a_service_provider_registered_auth_only() {
            Map<String, Object> claims = userinfo(
                    "verified", AuthorizeParams.validFor(TestClients.AUTH_ONLY).scope("openid profile:verified_at"));
            assertTrue(claims.containsKey("verified_at"));
            assertNull(claims.get("verified_at"));
        }

        @Test
        void piv_cac_persona_presents_its_certificate() {
            Map<String, Object> claims = userinfo(
                    "piv-cac",
                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL).scope("openid x509"));
            assertTrue(((String) claims.get("x509_subject")).contains("CN=MORGAN.PIVCAC"));
            assertTrue(((String) claims.get("x509_issuer")).startsWith("C=US"));
            assertEquals(true, claims.get("x509_presented"));
        }

        @Test
        void ialmax_gives_no_verified_claims_for_an_unproofed_persona_and_all_for_a_proofed_one() {
            String ialmax = "http://idmanagement.gov/ns/assurance/ial/0";
            Map<String, Object> unproofed = userinfo(
                    "auth-only",
                    AuthorizeParams.validFor(TestClients.IALMAX).acr(ialmax).scope(ALL_SCOPES));
            assertFalse(unproofed.containsKey("given_name"));
            assertFalse(unproofed.containsKey("address"));
            assertEquals("http://idmanagement.gov/ns/assurance/ial/1", unproofed.get("ial"));
            Map<String, Object> proofed = userinfo(
                    "verified",
                    AuthorizeParams.validFor(TestClients.IALMAX).acr(ialmax).scope(ALL_SCOPES));
            assertEquals("Jordan", proofed.get("given_name"));
            assertEquals("http://idmanagement.gov/ns/assurance/ial/2", proofed.get("ial"));
        }
    }
}
