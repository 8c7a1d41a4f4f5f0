package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests the checks of Login.gov's userinfo answer: its sub, and a shape no larger than Login.gov's. */
class UserinfoChecksTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String SUB = "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca";

    /** What Login.gov answers for a verified sign-in that asked for most scopes. */
    static final String LOGIN_GOV_ANSWER = """
            {
              "sub": "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca",
              "iss": "https://idp.int.identitysandbox.gov/",
              "email": "jane.doe@example.com",
              "email_verified": true,
              "all_emails": ["jane.doe@example.com", "jdoe@example.org"],
              "given_name": "Jane",
              "family_name": "Doe",
              "birthdate": "1970-01-01",
              "phone": "+12025550100",
              "phone_verified": true,
              "address": {
                "formatted": "1 Main St\\nApt 2\\nWashington, DC 20001",
                "street_address": "1 Main St\\nApt 2",
                "locality": "Washington",
                "region": "DC",
                "postal_code": "20001"
              },
              "verified_at": 1700000000,
              "ial": "urn:acr.login.gov:verified",
              "aal": "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo"
            }
            """;

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode withSub() {
        return JSON.createObjectNode().put("sub", SUB);
    }

    static String refusal(JsonNode userinfo, String idTokenSubject) {
        LoginGovLoginException e =
                assertThrows(LoginGovLoginException.class, () -> UserinfoChecks.check(userinfo, idTokenSubject));
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        assertFalse(e.getMessage().contains(SUB), e.getMessage());
        return e.getMessage();
    }

    @Test
    void login_gov_answer_is_accepted() {
        assertDoesNotThrow(() -> UserinfoChecks.check(parse(LOGIN_GOV_ANSWER), SUB));
    }

    @Test
    void userinfo_iss_is_not_read_the_sub_binds_the_answer_to_the_id_token() {
        assertDoesNotThrow(() ->
                UserinfoChecks.check(parse("{\"sub\":\"" + SUB + "\",\"iss\":\"https://elsewhere.example/\"}"), SUB));
        assertDoesNotThrow(() -> UserinfoChecks.check(parse("{\"sub\":\"" + SUB + "\"}"), SUB));
        assertEquals(
                "userinfo sub differs from the id_token sub",
                refusal(parse("{\"sub\":\"another\",\"iss\":\"https://idp.int.identitysandbox.gov/\"}"), SUB));
    }

    @Test
    void no_userinfo_has_nothing_to_check() {
        assertDoesNotThrow(() -> UserinfoChecks.check(null, SUB));
        assertDoesNotThrow(() -> UserinfoChecks.check(null, null));
    }

    @Nested
    class TheSub {
        static final String MISSING = "userinfo sub is missing or not a string";
        static final String DIFFERENT = "userinfo sub differs from the id_token sub";

        @Test
        void missing_is_refused() {
            ObjectNode answer = (ObjectNode) parse(LOGIN_GOV_ANSWER);
            answer.remove("sub");
            assertEquals(MISSING, refusal(answer, SUB));
        }

        @Test
        void a_number_is_refused() {
            assertEquals(MISSING, refusal(parse("{\"sub\": 12345}"), "12345"));
        }

        @Test
        void null_an_object_or_an_array_is_refused() {
            assertEquals(MISSING, refusal(parse("{\"sub\": null}"), SUB));
            assertEquals(MISSING, refusal(parse("{\"sub\": {\"value\": \"" + SUB + "\"}}"), SUB));
            assertEquals(MISSING, refusal(parse("{\"sub\": [\"" + SUB + "\"]}"), SUB));
        }

        @Test
        void another_subject_is_refused_without_quoting_either() {
            String other = "3f0e9c1a-7d2b-4e8f-a1c5-0b9d8e7f6a5c";
            String reason = refusal(parse(LOGIN_GOV_ANSWER.replace(SUB, other)), SUB);
            assertEquals(DIFFERENT, reason);
            assertFalse(reason.contains(other), reason);
        }

        @Test
        void a_subject_differing_only_in_case_is_refused() {
            assertEquals(DIFFERENT, refusal(parse(LOGIN_GOV_ANSWER.replace(SUB, SUB.toUpperCase())), SUB));
        }

        @Test
        void no_id_token_subject_matches_nothing() {
            assertEquals(DIFFERENT, refusal(parse(LOGIN_GOV_ANSWER), null));
        }
    }

    @Nested
    class TheShape {
        @Test
        void an_answer_that_is_not_an_object_is_refused() {
            String expected = "userinfo answer is not a JSON object";
            assertEquals(expected, refusal(parse("[{\"sub\": \"" + SUB + "\"}]"), SUB));
            assertEquals(expected, refusal(parse("\"" + SUB + "\""), SUB));
            assertEquals(expected, refusal(parse("42"), SUB));
            assertEquals(expected, refusal(JSON.nullNode(), SUB));
        }

        @Test
        void nesting_as_deep_as_allowed_is_accepted() {
            // The answer is level 1; each object or array below it adds one.
            ObjectNode answer = withSub();
            answer.putObject("a").putObject("b").put("c", "x");
            answer.putArray("list").addArray().add("x");
            assertDoesNotThrow(() -> UserinfoChecks.check(answer, SUB));
        }

        @Test
        void nesting_deeper_than_allowed_is_refused() {
            String expected = "userinfo answer is nested deeper than " + UserinfoChecks.MAX_DEPTH + " levels";
            ObjectNode objects = withSub();
            objects.putObject("a").putObject("b").putObject("c").put("d", "x");
            assertEquals(expected, refusal(objects, SUB));
            ObjectNode arrays = withSub();
            arrays.putArray("list").addArray().addArray().add(1);
            assertEquals(expected, refusal(arrays, SUB));
        }

        @Test
        void very_deep_nesting_is_refused_without_exhausting_the_stack() {
            ObjectNode answer = withSub();
            ArrayNode deepest = answer.putArray("deep");
            for (int i = 0; i < 100_000; i++) {
                deepest = deepest.addArray();
            }
            assertTrue(refusal(answer, SUB).contains("nested deeper than"));
        }

        @Test
        void as_many_values_as_allowed_are_accepted() {
            // The answer itself and its sub are two of the values.
            ObjectNode answer = withSub();
            for (int i = 0; i < UserinfoChecks.MAX_VALUES - 2; i++) {
                answer.put("claim" + i, i);
            }
            assertDoesNotThrow(() -> UserinfoChecks.check(answer, SUB));
        }

        @Test
        void more_values_than_allowed_are_refused() {
            String expected = "userinfo answer holds more than " + UserinfoChecks.MAX_VALUES + " values";
            ObjectNode claims = withSub();
            for (int i = 0; i < UserinfoChecks.MAX_VALUES - 1; i++) {
                claims.put("claim" + i, i);
            }
            assertEquals(expected, refusal(claims, SUB));
            ObjectNode array = withSub();
            ArrayNode emails = array.putArray("all_emails");
            for (int i = 0; i < 100_000; i++) {
                emails.add("e" + i + "@example.com");
            }
            assertEquals(expected, refusal(array, SUB));
        }

        @Test
        void a_value_as_long_as_allowed_is_accepted() {
            ObjectNode answer = withSub();
            answer.putObject("address").put("street_address", "x".repeat(UserinfoChecks.MAX_TEXT));
            assertDoesNotThrow(() -> UserinfoChecks.check(answer, SUB));
        }

        @Test
        void a_longer_value_is_refused_without_quoting_it() {
            String expected = "userinfo holds a value longer than " + UserinfoChecks.MAX_TEXT + " characters";
            String hostile = "y".repeat(UserinfoChecks.MAX_TEXT + 1);
            ObjectNode top = withSub().put("given_name", hostile);
            assertEquals(expected, refusal(top, SUB));
            ObjectNode nested = withSub();
            nested.putObject("address").put("street_address", hostile);
            assertEquals(expected, refusal(nested, SUB));
            ObjectNode inArray = withSub();
            inArray.putArray("all_emails").add("a@example.com").add(hostile);
            String reason = refusal(inArray, SUB);
            assertEquals(expected, reason);
            assertFalse(reason.contains("yyyy"), reason);
        }

        @Test
        void a_claim_name_as_long_as_allowed_is_accepted() {
            ObjectNode answer = withSub().put("n".repeat(UserinfoChecks.MAX_TEXT), true);
            assertDoesNotThrow(() -> UserinfoChecks.check(answer, SUB));
        }

        @Test
        void a_longer_claim_name_is_refused_without_quoting_it() {
            String expected = "userinfo holds a claim name longer than " + UserinfoChecks.MAX_TEXT;
            String hostile = "z".repeat(UserinfoChecks.MAX_TEXT + 1);
            assertEquals(expected, refusal(withSub().put(hostile, true), SUB));
            ObjectNode nested = withSub();
            nested.putObject("address").put(hostile, "20001");
            String reason = refusal(nested, SUB);
            assertEquals(expected, reason);
            assertFalse(reason.contains("zzzz"), reason);
        }

        @Test
        void a_sub_longer_than_allowed_is_refused_even_when_equal() {
            String longSub = "s".repeat(UserinfoChecks.MAX_TEXT + 1);
            assertTrue(refusal(withSub().put("sub", longSub), longSub).contains("longer than"));
        }
    }
}
