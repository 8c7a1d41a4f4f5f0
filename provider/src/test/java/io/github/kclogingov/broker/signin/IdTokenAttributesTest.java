package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

class IdTokenAttributesTest {

    static final String VERIFIED_SCOPES = "openid email profile address phone social_security_number";

    /** An id_token as identity-idp builds one for a verified request: the userinfo payload, then the token's claims. */
    static ObjectNode verifiedIdToken() {
        ObjectNode claims = JsonSerialization.mapper.createObjectNode();
        claims.put("iss", "https://idp.int.identitysandbox.gov/");
        claims.put("sub", "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca");
        claims.put("aud", "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app");
        claims.put("acr", "urn:acr.login.gov:verified");
        claims.put("nonce", "n".repeat(32));
        claims.put("jti", "j-1");
        claims.put("at_hash", "aaaa");
        claims.put("c_hash", "cccc");
        claims.put("exp", 1_900_000_900L);
        claims.put("iat", 1_900_000_000L);
        claims.put("nbf", 1_900_000_000L);
        claims.put("ial", "urn:acr.login.gov:verified");
        claims.put("aal", "urn:acr.login.gov:aal2");
        claims.put("email", "test@example.gov");
        claims.put("email_verified", true);
        claims.put("given_name", "Fakey");
        claims.put("family_name", "McFakerson");
        claims.put("birthdate", "1970-01-01");
        claims.put("verified_at", 1_800_000_000L);
        claims.putObject("address")
                .put("formatted", "1 Fake St\nFalls Church, VA 22040")
                .put("street_address", "1 Fake St")
                .put("locality", "Falls Church")
                .put("region", "VA")
                .put("postal_code", "22040");
        claims.putNull("phone");
        claims.putNull("phone_verified");
        claims.put("social_security_number", "900123456");
        return claims;
    }

    static JsonWebToken token(JsonNode claims) {
        try {
            return JsonSerialization.mapper.treeToValue(claims, JsonWebToken.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Complete {
        @Test
        void a_token_with_every_promised_claim_gives_the_userinfo_view() {
            Optional<ObjectNode> view = IdTokenAttributes.complete(token(verifiedIdToken()), VERIFIED_SCOPES);
            assertTrue(view.isPresent());
            assertEquals("900123456", view.get().get("social_security_number").textValue());
            assertEquals(
                    "Falls Church", view.get().get("address").get("locality").textValue());
            assertEquals(
                    "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca",
                    view.get().get("sub").textValue());
            assertEquals(
                    "https://idp.int.identitysandbox.gov/",
                    view.get().get("iss").textValue());
        }

        @Test
        void the_view_is_what_userinfo_answers_without_the_tokens_own_claims() {
            ObjectNode view = IdTokenAttributes.complete(token(verifiedIdToken()), VERIFIED_SCOPES)
                    .orElseThrow();
            for (String own : List.of("aud", "acr", "nonce", "jti", "at_hash", "c_hash", "exp", "iat", "nbf")) {
                assertFalse(view.has(own), own);
            }
            ObjectNode userinfo = verifiedIdToken();
            userinfo.remove(List.of("aud", "acr", "nonce", "jti", "at_hash", "c_hash", "exp", "iat", "nbf"));
            assertEquals(userinfo, view);
        }

        @Test
        void a_null_claim_is_carried_as_userinfo_would_answer_it() {
            // An expired Login.gov session: the verified attributes come back null, in userinfo as well.
            ObjectNode claims = verifiedIdToken();
            claims.putNull("given_name");
            claims.putNull("social_security_number");
            ObjectNode view =
                    IdTokenAttributes.complete(token(claims), VERIFIED_SCOPES).orElseThrow();
            assertTrue(view.get("given_name").isNull());
            assertTrue(view.get("social_security_number").isNull());
        }
    }

    @Nested
    class Missing {
        @Test
        void a_token_without_a_promised_claim_sends_the_broker_to_userinfo() {
            ObjectNode claims = verifiedIdToken();
            claims.remove("social_security_number");
            claims.remove("address");
            assertEquals(Optional.empty(), IdTokenAttributes.complete(token(claims), VERIFIED_SCOPES));
            assertEquals(
                    Optional.of("it lacks address, social_security_number"),
                    IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
        }

        @Test
        void a_token_without_its_assurance_claims_sends_the_broker_to_userinfo() {
            ObjectNode claims = verifiedIdToken();
            claims.remove("aal");
            assertEquals(
                    Optional.of("it lacks aal"),
                    IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
        }

        @Test
        void a_token_with_the_assurance_claims_only_sends_the_broker_to_userinfo() {
            // A provider that does not copy userinfo into its id_token (the simulator's switch turned off).
            ObjectNode claims = verifiedIdToken();
            claims.remove(List.of(
                    "email",
                    "email_verified",
                    "given_name",
                    "family_name",
                    "birthdate",
                    "verified_at",
                    "address",
                    "phone",
                    "phone_verified",
                    "social_security_number"));
            assertEquals(
                    Optional.of("it lacks email, email_verified, given_name, family_name, birthdate, verified_at, "
                            + "address, phone, phone_verified, social_security_number"),
                    IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
        }

        @Test
        void an_acr_that_names_no_level_sends_the_broker_to_userinfo() {
            ObjectNode claims = verifiedIdToken();
            claims.put("acr", "urn:example:unknown");
            assertEquals(
                    Optional.of("its acr names no Login.gov level"),
                    IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
            claims.put("acr", 2);
            assertEquals(
                    Optional.of("its acr names no Login.gov level"),
                    IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
        }

        @Test
        void a_token_issued_for_an_ended_session_sends_the_broker_to_userinfo() {
            // identity-idp: exp is the end of the person's session; once it has ended, exp equals iat
            // and the verified attributes are null. Userinfo is asked, as before, and answers for it.
            ObjectNode claims = verifiedIdToken();
            claims.put("exp", claims.get("iat").asLong());
            claims.putNull("given_name");
            assertEquals(
                    Optional.of("Login.gov's session had ended when it was issued (exp not after iat)"),
                    IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
            assertEquals(Optional.empty(), IdTokenAttributes.complete(token(claims), VERIFIED_SCOPES));
        }

        @Test
        void an_auth_only_answer_is_complete_without_verified_attributes() {
            // IALMAX for a person who is not proofed: auth-only asserted, no verified attribute released.
            ObjectNode claims = verifiedIdToken();
            claims.put("acr", "http://idmanagement.gov/ns/assurance/ial/1");
            claims.put("ial", "http://idmanagement.gov/ns/assurance/ial/1");
            claims.remove(List.of(
                    "given_name",
                    "family_name",
                    "birthdate",
                    "address",
                    "phone",
                    "phone_verified",
                    "social_security_number"));
            assertEquals(Optional.empty(), IdTokenAttributes.reasonToCallUserinfo(token(claims), VERIFIED_SCOPES));
        }

        @Test
        void claims_beyond_the_promise_do_not_matter() {
            assertEquals(
                    Optional.empty(), IdTokenAttributes.reasonToCallUserinfo(token(verifiedIdToken()), "openid email"));
            assertEquals(
                    Set.of(
                            "sub",
                            "iss",
                            "ial",
                            "aal",
                            "email",
                            "email_verified",
                            "given_name",
                            "family_name",
                            "birthdate",
                            "verified_at",
                            "address",
                            "phone",
                            "phone_verified",
                            "social_security_number"),
                    toSet(IdTokenAttributes.complete(token(verifiedIdToken()), "openid email")
                            .orElseThrow()));
        }
    }

    private static Set<String> toSet(ObjectNode node) {
        java.util.Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
