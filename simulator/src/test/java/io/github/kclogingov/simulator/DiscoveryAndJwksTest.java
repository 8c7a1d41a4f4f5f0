package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovScope;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DiscoveryAndJwksTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @Nested
    class Discovery {
        private Map<String, Object> document() {
            HttpResponse<String> response = Http.get(simulator.issuer() + LoginGovEndpoints.DISCOVERY_PATH);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            return Http.json(response);
        }

        @Test
        void issuer_has_a_trailing_slash_and_every_endpoint_lives_under_it() {
            Map<String, Object> document = document();
            LoginGovEndpoints endpoints = LoginGovEndpoints.forIssuer(simulator.issuer());
            assertEquals("http://localhost:" + simulator.port() + "/", document.get("issuer"));
            assertEquals(endpoints.authorization(), document.get("authorization_endpoint"));
            assertEquals(endpoints.token(), document.get("token_endpoint"));
            assertEquals(endpoints.userinfo(), document.get("userinfo_endpoint"));
            assertEquals(endpoints.jwks(), document.get("jwks_uri"));
            assertEquals(endpoints.logout(), document.get("end_session_endpoint"));
        }

        @Test
        void advertises_production_methods_and_algorithms() {
            Map<String, Object> document = document();
            assertEquals(List.of("private_key_jwt"), document.get("token_endpoint_auth_methods_supported"));
            assertEquals(List.of("RS256"), document.get("id_token_signing_alg_values_supported"));
            assertEquals(List.of("pairwise"), document.get("subject_types_supported"));
            assertEquals(List.of("code"), document.get("response_types_supported"));
            assertEquals(List.of("authorization_code"), document.get("grant_types_supported"));
        }

        @Test
        void lists_every_acr_value_and_scope_of_the_domain_enums() {
            Map<String, Object> document = document();
            List<?> acrValues = (List<?>) document.get("acr_values_supported");
            for (IdentityAssurance level : IdentityAssurance.values()) {
                assertTrue(acrValues.contains(level.legacyValue()), level::name);
                level.semanticValue().ifPresent(value -> assertTrue(acrValues.contains(value), value));
            }
            for (AuthenticationAssurance level : AuthenticationAssurance.values()) {
                assertTrue(acrValues.contains(level.value()), level::name);
            }
            List<?> scopes = (List<?>) document.get("scopes_supported");
            for (LoginGovScope scope : LoginGovScope.values()) {
                assertTrue(scopes.contains(scope.value()), scope::value);
            }
        }

        @Test
        void claims_supported_omits_ial_and_aal_and_there_is_no_pkce_nor_iss_parameter_metadata() {
            Map<String, Object> document = document();
            List<?> claims = (List<?>) document.get("claims_supported");
            assertTrue(claims.containsAll(List.of("sub", "iss", "email", "social_security_number", "x509_presented")));
            assertFalse(claims.contains("ial"));
            assertFalse(claims.contains("aal"));
            assertFalse(document.containsKey("code_challenge_methods_supported"));
            assertFalse(document.containsKey("authorization_response_iss_parameter_supported"));
        }
    }

    @Nested
    class Jwks {
        @Test
        void lists_two_rsa_2048_signing_keys_primary_first_with_opaque_kids() throws Exception {
            HttpResponse<String> response = Http.get(simulator.endpoints().jwks());
            assertEquals(200, response.statusCode());
            JWKSet jwks = JWKSet.parse(response.body());
            assertEquals(2, jwks.getKeys().size());
            for (JWK key : jwks.getKeys()) {
                RSAKey rsa = (RSAKey) key;
                assertEquals(2048, rsa.size());
                assertEquals("RS256", rsa.getAlgorithm().getName());
                assertEquals(KeyUse.SIGNATURE, rsa.getKeyUse());
                assertFalse(rsa.isPrivate(), "a public JWKS carries no private parts");
            }
            assertNotEquals(
                    jwks.getKeys().get(0).getKeyID(), jwks.getKeys().get(1).getKeyID());
            String signingKid = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                    .signed()
                    .getHeader()
                    .getKeyID();
            assertEquals(jwks.getKeys().get(0).getKeyID(), signingKid, "only the primary (first) key signs");
        }

        @Test
        void is_cacheable_for_a_week() {
            HttpResponse<String> response = Http.get(simulator.endpoints().jwks());
            assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age=604800"));
        }
    }
}
