package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/** Tests the quiet claim reader: the JSON types it returns, and where it looks first. */
class QuietClaimsTest {

    static BrokeredIdentityContext withIdTokenAndUserInfo(Map<String, ?> claims, String userInfoJson) {
        BrokeredIdentityContext context = Contexts.withIdToken(claims);
        try {
            JsonNode userInfo = JsonSerialization.readValue(userInfoJson, JsonNode.class);
            context.getContextData().put(OIDCIdentityProvider.USER_INFO, userInfo);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return context;
    }

    static JsonWebToken accessToken(Map<String, ?> claims) {
        JsonWebToken token = new JsonWebToken();
        claims.forEach(token::setOtherClaims);
        return token;
    }

    /** A compact JWS as Keycloak may keep an access token: header, payload and a signature nobody checks here. */
    static String encoded(String payloadJson) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class FromTheIdToken {
        @Test
        void a_string() {
            assertEquals(
                    "a@example.gov", QuietClaims.get(Contexts.withIdToken(Map.of("email", "a@example.gov")), "email"));
        }

        @Test
        void a_number_and_a_boolean() {
            BrokeredIdentityContext context =
                    Contexts.withIdToken(Map.of("verified_at", 1700000000L, "email_verified", true));
            assertEquals(1700000000L, QuietClaims.get(context, "verified_at"));
            assertEquals(Boolean.TRUE, QuietClaims.get(context, "email_verified"));
        }

        @Test
        void an_array_is_a_list() {
            BrokeredIdentityContext context =
                    Contexts.withIdToken(Map.of("all_emails", List.of("a@example.gov", "b@example.gov")));
            assertEquals(List.of("a@example.gov", "b@example.gov"), QuietClaims.get(context, "all_emails"));
            assertEquals(List.of("a@example.gov", "b@example.gov"), QuietClaims.texts(context, "all_emails"));
        }

        @Test
        void an_object_is_a_map() {
            Map<String, String> address =
                    Map.of("street_address", "1 Main St", "locality", "Washington", "postal_code", "20001");
            assertEquals(address, QuietClaims.get(Contexts.withIdToken(Map.of("address", address)), "address"));
        }

        @Test
        void a_value_json_cannot_hold_is_ignored() {
            assertNull(QuietClaims.get(Contexts.withIdToken(Map.of("odd", new Object())), "odd"));
            assertEquals(List.of(), QuietClaims.texts(Contexts.withIdToken(Map.of("odd", new Object())), "odd"));
        }
    }

    @Nested
    class FromUserInfo {
        @Test
        void a_string_a_number_and_a_boolean() {
            BrokeredIdentityContext context = Contexts.withUserInfo(
                    "{\"email\": \"a@example.gov\", \"verified_at\": 1700000000, \"phone_verified\": false}");
            assertEquals("a@example.gov", QuietClaims.get(context, "email"));
            assertEquals(1700000000, ((Number) QuietClaims.get(context, "verified_at")).longValue());
            assertEquals(Boolean.FALSE, QuietClaims.get(context, "phone_verified"));
            assertEquals(List.of("1700000000"), QuietClaims.texts(context, "verified_at"));
            assertEquals(List.of("false"), QuietClaims.texts(context, "phone_verified"));
        }

        @Test
        void an_array_is_a_list_keeping_json_nulls() {
            BrokeredIdentityContext context =
                    Contexts.withUserInfo("{\"all_emails\": [\"a@example.gov\", null, \"b@example.gov\"]}");
            assertEquals(Arrays.asList("a@example.gov", null, "b@example.gov"), QuietClaims.get(context, "all_emails"));
        }

        @Test
        void the_texts_of_an_array_skip_json_nulls() {
            BrokeredIdentityContext context =
                    Contexts.withUserInfo("{\"all_emails\": [\"a@example.gov\", null, \"b@example.gov\"]}");
            assertEquals(List.of("a@example.gov", "b@example.gov"), QuietClaims.texts(context, "all_emails"));
        }

        @Test
        void an_array_of_numbers_gives_their_texts() {
            BrokeredIdentityContext context = Contexts.withUserInfo("{\"codes\": [1, 2.5, true]}");
            assertEquals(List.of("1", "2.5", "true"), QuietClaims.texts(context, "codes"));
        }

        @Test
        void an_object_is_a_map_with_nested_values() {
            BrokeredIdentityContext context = Contexts.withUserInfo(
                    "{\"address\": {\"street_address\": \"1 Main St\", \"postal_code\": \"20001\", \"lines\": [\"a\", \"b\"]}}");
            assertEquals(
                    Map.of("street_address", "1 Main St", "postal_code", "20001", "lines", List.of("a", "b")),
                    QuietClaims.get(context, "address"));
        }

        @Test
        void an_array_of_objects_is_a_list_of_maps() {
            BrokeredIdentityContext context = Contexts.withUserInfo("{\"x509\": [{\"cn\": \"A\"}, {\"cn\": \"B\"}]}");
            assertEquals(List.of(Map.of("cn", "A"), Map.of("cn", "B")), QuietClaims.get(context, "x509"));
        }

        @Test
        void json_null_is_absent() {
            BrokeredIdentityContext context = Contexts.withUserInfo("{\"birthdate\": null}");
            assertNull(QuietClaims.get(context, "birthdate"));
            assertEquals(List.of(), QuietClaims.texts(context, "birthdate"));
        }

        @Test
        void a_missing_claim_is_absent() {
            BrokeredIdentityContext context = Contexts.withUserInfo("{\"email\": \"a@example.gov\"}");
            assertNull(QuietClaims.get(context, "phone"));
            assertEquals(List.of(), QuietClaims.texts(context, "phone"));
        }

        @Test
        void without_any_token_or_userinfo_nothing_is_found() {
            assertNull(QuietClaims.get(Contexts.empty(), "email"));
            assertEquals(List.of(), QuietClaims.texts(Contexts.empty(), "email"));
        }
    }

    @Nested
    class Precedence {
        @Test
        void the_id_token_comes_before_userinfo() {
            BrokeredIdentityContext context = withIdTokenAndUserInfo(
                    Map.of("email", "token@example.gov"), "{\"email\": \"userinfo@example.gov\"}");
            assertEquals("token@example.gov", QuietClaims.get(context, "email"));
        }

        @Test
        void an_id_token_array_comes_before_a_userinfo_array() {
            BrokeredIdentityContext context = withIdTokenAndUserInfo(
                    Map.of("all_emails", List.of("token@example.gov")), "{\"all_emails\": [\"userinfo@example.gov\"]}");
            assertEquals(List.of("token@example.gov"), QuietClaims.texts(context, "all_emails"));
        }

        @Test
        void userinfo_answers_what_the_id_token_lacks() {
            BrokeredIdentityContext context = withIdTokenAndUserInfo(
                    Map.of("email", "token@example.gov"),
                    "{\"email\": \"userinfo@example.gov\", \"given_name\": \"Ada\"}");
            assertEquals("Ada", QuietClaims.get(context, "given_name"));
        }

        @Test
        void userinfo_answers_when_the_id_token_value_is_null() {
            Map<String, Object> claims = new HashMap<>();
            claims.put("email", null);
            BrokeredIdentityContext context = withIdTokenAndUserInfo(claims, "{\"email\": \"userinfo@example.gov\"}");
            assertEquals("userinfo@example.gov", QuietClaims.get(context, "email"));
        }

        @Test
        void the_access_token_comes_before_the_id_token() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("email", "token@example.gov"));
            context.getContextData()
                    .put(
                            OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN,
                            accessToken(Map.of("email", "access@example.gov")));
            assertEquals("access@example.gov", QuietClaims.get(context, "email"));
        }

        @Test
        void an_encoded_access_token_is_read() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("email", "token@example.gov"));
            context.getContextData()
                    .put(OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN, encoded("{\"email\": \"access@example.gov\"}"));
            assertEquals("access@example.gov", QuietClaims.get(context, "email"));
        }

        @Test
        void an_opaque_access_token_is_skipped() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("email", "token@example.gov"));
            context.getContextData().put(OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN, "hhJES3wcgjI55jzjBvZpNQ");
            assertEquals("token@example.gov", QuietClaims.get(context, "email"));
        }
    }

    /** A hostile value reads as absent: nothing is stored from it, and nothing is worked on. */
    @Nested
    class HostileValues {

        static BrokeredIdentityContext userInfo(String claim, JsonNode value) {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of());
            context.getContextData()
                    .put(
                            OIDCIdentityProvider.USER_INFO,
                            JsonNodeFactory.instance.objectNode().set(claim, value));
            return context;
        }

        @Test
        void a_string_over_the_stored_length_is_absent() {
            String longest = "a".repeat(ClaimValues.MAX_STORED_LENGTH);
            assertEquals(longest, QuietClaims.get(Contexts.withIdToken(Map.of("given_name", longest)), "given_name"));
            assertNull(QuietClaims.get(Contexts.withIdToken(Map.of("given_name", longest + "a")), "given_name"));
            assertNull(QuietClaims.get(
                    userInfo("given_name", JsonNodeFactory.instance.textNode(HostileClaims.ONE_MEGABYTE)),
                    "given_name"));
            assertEquals(
                    List.of(), QuietClaims.texts(Contexts.withIdToken(Map.of("x", HostileClaims.ONE_MEGABYTE)), "x"));
        }

        @Test
        void an_array_holding_one_long_string_is_absent_as_a_whole() {
            List<String> emails = List.of("a@example.gov", "b".repeat(ClaimValues.MAX_STORED_LENGTH + 1));
            assertEquals(
                    List.of(), QuietClaims.texts(Contexts.withIdToken(Map.of("all_emails", emails)), "all_emails"));
        }

        @Test
        void a_value_nested_a_thousand_levels_is_absent() {
            assertNull(QuietClaims.get(userInfo("address", HostileClaims.nestedJson(1000)), "address"));
            assertNull(QuietClaims.get(
                    Contexts.withIdToken(Map.of("address", HostileClaims.nestedList(1000))), "address"));
        }

        @Test
        void nesting_as_deep_as_login_gov_s_is_read() {
            assertEquals(
                    List.of(List.of(List.of("deep"))),
                    QuietClaims.get(Contexts.withIdToken(Map.of("x", HostileClaims.nestedList(3))), "x"));
            assertNull(QuietClaims.get(Contexts.withIdToken(Map.of("x", HostileClaims.nestedList(4))), "x"));
            assertEquals(List.of("deep"), QuietClaims.texts(userInfo("x", HostileClaims.nestedJson(1)), "x"));
        }

        @Test
        void too_many_elements_are_absent() {
            List<String> many = java.util.Collections.nCopies(ClaimBounds.MAX_ELEMENTS + 1, "a@example.gov");
            assertNull(QuietClaims.get(Contexts.withIdToken(Map.of("all_emails", many)), "all_emails"));
        }

        @Test
        void a_huge_or_infinite_number_is_absent() {
            assertNull(QuietClaims.get(
                    Contexts.withIdToken(Map.of("verified_at", HostileClaims.HUGE_EXPONENT)), "verified_at"));
            assertNull(QuietClaims.get(
                    Contexts.withIdToken(Map.of("verified_at", HostileClaims.TEN_THOUSAND_DIGIT_NUMBER)),
                    "verified_at"));
            assertNull(QuietClaims.get(
                    userInfo("verified_at", JsonNodeFactory.instance.numberNode(Double.POSITIVE_INFINITY)),
                    "verified_at"));
            assertNull(QuietClaims.get(
                    userInfo(
                            "verified_at",
                            JsonNodeFactory.instance.numberNode(HostileClaims.TEN_THOUSAND_DIGIT_NUMBER)),
                    "verified_at"));
            assertEquals(
                    1_700_000_000L,
                    QuietClaims.get(Contexts.withIdToken(Map.of("verified_at", 1_700_000_000L)), "verified_at"));
        }

        @Test
        void a_hostile_id_token_value_leaves_userinfo_to_answer() {
            BrokeredIdentityContext context = withIdTokenAndUserInfo(
                    Map.of("email", "x".repeat(ClaimValues.MAX_STORED_LENGTH + 1)),
                    "{\"email\": \"userinfo@example.gov\"}");
            assertEquals("userinfo@example.gov", QuietClaims.get(context, "email"));
        }
    }
}
