package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AssuranceAndScopeTest {
    private static final String LEGACY_IAL1 = "http://idmanagement.gov/ns/assurance/ial/1";
    private static final String LEGACY_IAL2 = "http://idmanagement.gov/ns/assurance/ial/2";
    private static final String IALMAX = "http://idmanagement.gov/ns/assurance/ial/0";
    private static final String FACIAL_MATCH_REQUIRED = "urn:acr.login.gov:verified-facial-match-required";
    private static final String FACIAL_MATCH_PREFERRED = "urn:acr.login.gov:verified-facial-match-preferred";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private Object acrFor(String persona, String clientId, String acrValues) {
        simulator.setAutoPersona(persona);
        return Flows.signIn(simulator, AuthorizeParams.validFor(clientId).acr(acrValues))
                .claim("acr");
    }

    @Nested
    class Asserted_acr {
        @Test
        void a_semantic_request_gets_a_semantic_answer() {
            assertEquals(
                    AuthorizeParams.VERIFIED, acrFor("verified", TestClients.CONFIDENTIAL, AuthorizeParams.VERIFIED));
            assertEquals(
                    AuthorizeParams.AUTH_ONLY, acrFor("verified", TestClients.CONFIDENTIAL, AuthorizeParams.AUTH_ONLY));
        }

        @Test
        void a_legacy_request_gets_the_legacy_uri_even_for_loa() {
            assertEquals(LEGACY_IAL2, acrFor("verified", TestClients.CONFIDENTIAL, LEGACY_IAL2));
            assertEquals(
                    LEGACY_IAL2,
                    acrFor("verified", TestClients.CONFIDENTIAL, "http://idmanagement.gov/ns/assurance/loa/3"));
            assertEquals(
                    LEGACY_IAL1,
                    acrFor("verified", TestClients.CONFIDENTIAL, "http://idmanagement.gov/ns/assurance/loa/1"));
            assertEquals(
                    LEGACY_IAL2 + "?bio=required",
                    acrFor("facial-match", TestClients.CONFIDENTIAL, LEGACY_IAL2 + "?bio=preferred"));
        }

        @Test
        void facial_match_preferred_is_never_returned() {
            assertEquals(
                    AuthorizeParams.VERIFIED, acrFor("verified", TestClients.CONFIDENTIAL, FACIAL_MATCH_PREFERRED));
            assertEquals(
                    FACIAL_MATCH_REQUIRED, acrFor("facial-match", TestClients.CONFIDENTIAL, FACIAL_MATCH_PREFERRED));
        }

        @Test
        void facial_match_required_is_asserted_for_a_facial_match_persona() {
            assertEquals(
                    FACIAL_MATCH_REQUIRED, acrFor("facial-match", TestClients.CONFIDENTIAL, FACIAL_MATCH_REQUIRED));
        }

        @Test
        void ialmax_asserts_auth_only_for_an_unproofed_persona_and_verified_for_a_proofed_one() {
            assertEquals(LEGACY_IAL1, acrFor("auth-only", TestClients.IALMAX, IALMAX));
            assertEquals(LEGACY_IAL2, acrFor("verified", TestClients.IALMAX, IALMAX));
            assertEquals(IdentityAssurance.AUTH_ONLY.legacyValue(), LEGACY_IAL1);
        }

        @Test
        void aal_echoes_the_requested_value_else_the_default() {
            simulator.setAutoPersona("verified");
            assertEquals(
                    AuthenticationAssurance.DEFAULT.value(),
                    Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL))
                            .claim("aal"));
            String legacyAal3 = "http://idmanagement.gov/ns/assurance/aal/3";
            assertEquals(
                    legacyAal3,
                    Flows.signIn(
                                    simulator,
                                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                                            .acr(AuthorizeParams.AUTH_ONLY + " " + legacyAal3))
                            .claim("aal"));
        }
    }

    @Nested
    class Scope_dropping {
        @Test
        void unknown_scopes_are_dropped_silently() {
            Map<String, Object> userinfo = Flows.userinfo(
                    simulator,
                    Flows.signIn(
                                    simulator,
                                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                                            .scope("openid email made-up"))
                            .accessToken());
            assertEquals("jordan.verified@example.com", userinfo.get("email"));
        }

        @Test
        void verified_only_scopes_are_dropped_at_auth_only() {
            Map<String, Object> userinfo = Flows.userinfo(
                    simulator,
                    Flows.signIn(
                                    simulator,
                                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                                            .scope("openid email address phone profile:name social_security_number"))
                            .accessToken());
            assertTrue(userinfo.containsKey("email"));
            for (String claim :
                    new String[] {"address", "phone", "given_name", "family_name", "social_security_number"}) {
                assertFalse(userinfo.containsKey(claim), claim);
            }
        }

        @Test
        void profile_at_auth_only_still_releases_verified_at() {
            Map<String, Object> userinfo = Flows.userinfo(
                    simulator,
                    Flows.signIn(
                                    simulator,
                                    AuthorizeParams.validFor(TestClients.CONFIDENTIAL)
                                            .scope("openid profile"))
                            .accessToken());
            assertTrue(userinfo.containsKey("verified_at"));
            assertFalse(userinfo.containsKey("given_name"));
            assertFalse(userinfo.containsKey("birthdate"));
        }
    }
}
