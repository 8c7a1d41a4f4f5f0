package io.github.kclogingov.broker.signin;

import static io.github.kclogingov.broker.signin.InMemoryAuthenticationSession.withClientNotes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.signin.Reauthentication.ReauthenticationNotProvenException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/** Tests that a re-authentication the application demands is asked of Login.gov and proven by its auth_time. */
class ReauthenticationTest {

    static final String PROMPT = OIDCLoginProtocol.PROMPT_PARAM;
    static final String MAX_AGE = OIDCLoginProtocol.MAX_AGE_PARAM;
    static final String LOGIN = OIDCLoginProtocol.PROMPT_VALUE_LOGIN;

    /** When the request left for Login.gov, in epoch seconds. */
    static final long SENT_AT = 1_700_000_000L;

    /** When the answer came back. */
    static final long NOW = SENT_AT + 120;

    static final long SKEW = 10;

    static final String NO_AUTH_TIME = "the application asked for a re-authentication"
            + " (prompt=login or max_age) and Login.gov released no auth_time to prove one";
    static final String OLDER_THAN_REQUEST =
            "the application asked for prompt=login and Login.gov's auth_time is older than the request";
    static final String NO_SENT_AT = "no Login.gov request time is recorded for this sign-in";
    static final String NOT_A_TIME = "id_token auth_time is not a time in epoch seconds";

    static JsonWebToken idToken(Object authTime) {
        JsonWebToken token = new JsonWebToken();
        token.subject("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca");
        if (authTime != null) {
            token.setOtherClaims(Reauthentication.AUTH_TIME, authTime);
        }
        return token;
    }

    /** A session whose application demanded {@code clientNotes}, sent to Login.gov at {@link #SENT_AT}. */
    static AuthenticationSessionModel sent(String... clientNotes) {
        InMemoryAuthenticationSession session = withClientNotes(clientNotes);
        Reauthentication.sendPromptLogin(session, true, SENT_AT);
        return session;
    }

    static Optional<Long> check(AuthenticationSessionModel session, Object authTime) {
        return Reauthentication.check(session, idToken(authTime), NOW, SKEW);
    }

    static String notProven(AuthenticationSessionModel session, Object authTime) {
        ReauthenticationNotProvenException e =
                assertThrows(ReauthenticationNotProvenException.class, () -> check(session, authTime));
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        if (authTime != null) {
            assertFalse(e.getMessage().contains(authTime.toString()), e.getMessage());
        }
        return e.getMessage();
    }

    static String notATime(AuthenticationSessionModel session, Object authTime) {
        LoginGovLoginException e = assertThrows(LoginGovLoginException.class, () -> check(session, authTime));
        assertEquals(LoginGovLoginException.class, e.getClass(), "a malformed auth_time is no missing proof");
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        assertFalse(e.getMessage().contains(authTime.toString()), e.getMessage());
        return e.getMessage();
    }

    @Nested
    class SendingPromptLogin {
        @Test
        void records_when_the_request_was_sent() {
            InMemoryAuthenticationSession session = withClientNotes();
            assertFalse(Reauthentication.sendPromptLogin(session, false, SENT_AT));
            assertEquals(Long.toString(SENT_AT), session.getAuthNote(Reauthentication.SENT_AT_NOTE));
        }

        @Test
        void a_later_request_records_its_own_time() {
            InMemoryAuthenticationSession session = withClientNotes(PROMPT, LOGIN);
            Reauthentication.sendPromptLogin(session, true, SENT_AT);
            Reauthentication.sendPromptLogin(session, true, SENT_AT + 60);
            assertEquals(Long.toString(SENT_AT + 60), session.getAuthNote(Reauthentication.SENT_AT_NOTE));
        }

        @Test
        void is_sent_for_an_allow_listed_client_whose_application_demanded_prompt_login() {
            assertTrue(Reauthentication.sendPromptLogin(withClientNotes(PROMPT, LOGIN), true, SENT_AT));
            assertTrue(Reauthentication.sendPromptLogin(withClientNotes(PROMPT, "consent login"), true, SENT_AT));
        }

        @Test
        void is_sent_for_an_allow_listed_client_whose_application_demanded_a_max_age() {
            assertTrue(Reauthentication.sendPromptLogin(withClientNotes(MAX_AGE, "300"), true, SENT_AT));
            assertTrue(Reauthentication.sendPromptLogin(withClientNotes(MAX_AGE, "0"), true, SENT_AT));
        }

        @Test
        void is_sent_for_a_malformed_max_age() {
            assertTrue(Reauthentication.sendPromptLogin(withClientNotes(MAX_AGE, "five minutes"), true, SENT_AT));
        }

        @Test
        void is_not_sent_when_the_application_demanded_nothing() {
            assertFalse(Reauthentication.sendPromptLogin(withClientNotes(), true, SENT_AT));
            assertFalse(Reauthentication.sendPromptLogin(withClientNotes(PROMPT, "consent"), true, SENT_AT));
            assertFalse(Reauthentication.sendPromptLogin(withClientNotes(PROMPT, "none"), true, SENT_AT));
        }

        @Test
        void is_never_sent_for_a_client_login_gov_did_not_allow_list() {
            assertFalse(Reauthentication.sendPromptLogin(withClientNotes(PROMPT, LOGIN), false, SENT_AT));
            assertFalse(Reauthentication.sendPromptLogin(withClientNotes(MAX_AGE, "0"), false, SENT_AT));
            assertFalse(
                    Reauthentication.sendPromptLogin(withClientNotes(PROMPT, LOGIN, MAX_AGE, "60"), false, SENT_AT));
        }
    }

    @Nested
    class WithoutADemand {
        @Test
        void the_auth_time_released_is_returned() {
            assertEquals(Optional.of(SENT_AT - 86_400), check(sent(), (int) (SENT_AT - 86_400)));
        }

        @Test
        void no_auth_time_is_empty() {
            assertEquals(Optional.empty(), check(sent(), null));
        }

        @Test
        void no_request_time_is_needed() {
            assertEquals(Optional.of(SENT_AT), check(withClientNotes(), (int) SENT_AT));
        }

        @Test
        void a_prompt_other_than_login_demands_nothing() {
            assertEquals(Optional.empty(), check(sent(PROMPT, "consent"), null));
        }
    }

    @Nested
    class PromptLogin {
        @Test
        void without_an_auth_time_is_not_proven() {
            assertEquals(NO_AUTH_TIME, notProven(sent(PROMPT, LOGIN), null));
        }

        @Test
        void an_auth_time_after_the_request_is_accepted() {
            assertEquals(Optional.of(SENT_AT + 30), check(sent(PROMPT, LOGIN), (int) (SENT_AT + 30)));
            assertEquals(Optional.of(SENT_AT), check(sent(PROMPT, LOGIN), (int) SENT_AT));
        }

        @Test
        void an_auth_time_before_the_request_within_the_clock_skew_is_accepted() {
            assertEquals(Optional.of(SENT_AT - SKEW), check(sent(PROMPT, LOGIN), (int) (SENT_AT - SKEW)));
        }

        @Test
        void an_auth_time_before_the_request_beyond_the_clock_skew_is_not_proven() {
            assertEquals(OLDER_THAN_REQUEST, notProven(sent(PROMPT, LOGIN), (int) (SENT_AT - SKEW - 1)));
            assertEquals(OLDER_THAN_REQUEST, notProven(sent(PROMPT, "consent login"), (int) (SENT_AT - 3600)));
        }

        @Test
        void without_a_recorded_request_time_is_not_proven() {
            assertEquals(NO_SENT_AT, notProven(withClientNotes(PROMPT, LOGIN), (int) NOW));
        }

        @Test
        void with_a_malformed_request_time_is_not_proven() {
            InMemoryAuthenticationSession session = withClientNotes(PROMPT, LOGIN);
            session.setAuthNote(Reauthentication.SENT_AT_NOTE, "yesterday");
            assertEquals(NO_SENT_AT, notProven(session, (int) NOW));
        }
    }

    @Nested
    class MaxAge {
        @Test
        void without_an_auth_time_is_not_proven() {
            assertEquals(NO_AUTH_TIME, notProven(sent(MAX_AGE, "300"), null));
        }

        @Test
        void an_auth_time_within_max_age_is_accepted() {
            assertEquals(Optional.of(NOW - 300), check(sent(MAX_AGE, "300"), (int) (NOW - 300)));
        }

        @Test
        void an_auth_time_exactly_max_age_and_the_clock_skew_old_is_accepted() {
            assertEquals(Optional.of(NOW - 300 - SKEW), check(sent(MAX_AGE, "300"), (int) (NOW - 300 - SKEW)));
        }

        @Test
        void an_auth_time_beyond_max_age_and_the_clock_skew_is_not_proven() {
            String reason = notProven(sent(MAX_AGE, "300"), (int) (NOW - 300 - SKEW - 1));
            assertEquals("Login.gov's auth_time is older than the application's max_age of 300 s", reason);
        }

        @Test
        void max_age_zero_accepts_only_an_auth_time_within_the_clock_skew() {
            assertEquals(Optional.of(NOW), check(sent(MAX_AGE, "0"), (int) NOW));
            assertEquals(Optional.of(NOW - SKEW), check(sent(MAX_AGE, "0"), (int) (NOW - SKEW)));
            assertEquals(
                    "Login.gov's auth_time is older than the application's max_age of 0 s",
                    notProven(sent(MAX_AGE, "0"), (int) (NOW - SKEW - 1)));
        }

        @Test
        void max_age_zero_without_clock_skew_accepts_only_now() {
            AuthenticationSessionModel session = sent(MAX_AGE, "0");
            assertEquals(Optional.of(NOW), Reauthentication.check(session, idToken((int) NOW), NOW, 0));
            assertThrows(
                    ReauthenticationNotProvenException.class,
                    () -> Reauthentication.check(session, idToken((int) (NOW - 1)), NOW, 0));
        }

        @Test
        void a_malformed_max_age_is_read_as_zero() {
            for (String malformed : new String[] {"five minutes", "", "1.5", "99999999999999999999"}) {
                AuthenticationSessionModel session = sent(MAX_AGE, malformed);
                assertEquals(Optional.of(NOW), check(session, (int) NOW), malformed);
                assertEquals(
                        "Login.gov's auth_time is older than the application's max_age of 0 s",
                        notProven(session, (int) (NOW - SKEW - 1)),
                        malformed);
                assertEquals(NO_AUTH_TIME, notProven(session, null), malformed);
            }
        }

        @Test
        void with_prompt_login_both_must_hold() {
            AuthenticationSessionModel session = sent(PROMPT, LOGIN, MAX_AGE, "3600");
            assertEquals(Optional.of(SENT_AT), check(session, (int) SENT_AT));
            assertEquals(OLDER_THAN_REQUEST, notProven(session, (int) (SENT_AT - SKEW - 1)));
            AuthenticationSessionModel strict = sent(PROMPT, LOGIN, MAX_AGE, "60");
            assertEquals(
                    "Login.gov's auth_time is older than the application's max_age of 60 s",
                    notProven(strict, (int) SENT_AT));
        }
    }

    @Nested
    class TheAuthTime {
        @Test
        void a_long_within_range_is_read() {
            assertEquals(Optional.of(SENT_AT), check(sent(), SENT_AT));
            assertEquals(Optional.of((long) Integer.MAX_VALUE), check(sent(), (long) Integer.MAX_VALUE));
            assertEquals(Optional.of(1L), check(sent(), 1));
        }

        @Test
        void as_parsed_from_the_id_token_json_is_read() throws IOException {
            JsonWebToken token = JsonSerialization.readValue("{\"auth_time\": " + SENT_AT + "}", JsonWebToken.class);
            assertEquals(Optional.of(SENT_AT), Reauthentication.check(sent(PROMPT, LOGIN), token, NOW, SKEW));
        }

        @Test
        void a_string_is_refused() {
            assertEquals(NOT_A_TIME, notATime(sent(), Long.toString(SENT_AT)));
            assertEquals(NOT_A_TIME, notATime(sent(PROMPT, LOGIN), Long.toString(SENT_AT)));
        }

        @Test
        void a_fraction_is_refused() {
            assertEquals(NOT_A_TIME, notATime(sent(), (double) SENT_AT));
            assertEquals(NOT_A_TIME, notATime(sent(MAX_AGE, "300"), SENT_AT + 0.5));
        }

        @Test
        void zero_or_a_negative_time_is_refused() {
            assertEquals(NOT_A_TIME, notATime(sent(), 0));
            assertEquals(NOT_A_TIME, notATime(sent(), -1));
            assertEquals(NOT_A_TIME, notATime(sent(PROMPT, LOGIN), Long.MIN_VALUE));
        }

        @Test
        void a_time_beyond_what_keycloak_carries_is_refused() {
            assertEquals(NOT_A_TIME, notATime(sent(), (long) Integer.MAX_VALUE + 1));
            assertEquals(NOT_A_TIME, notATime(sent(), Long.MAX_VALUE));
            assertEquals(NOT_A_TIME, notATime(sent(), BigInteger.TEN.pow(30)));
        }

        @Test
        void as_parsed_from_malformed_id_token_json_is_refused() throws IOException {
            for (String json : new String[] {
                "{\"auth_time\": 1.7E9}",
                "{\"auth_time\": 99999999999}",
                "{\"auth_time\": true}",
                "{\"auth_time\": [1]}"
            }) {
                JsonWebToken token = JsonSerialization.readValue(json, JsonWebToken.class);
                LoginGovLoginException e = assertThrows(
                        LoginGovLoginException.class, () -> Reauthentication.check(sent(), token, NOW, SKEW), json);
                assertEquals(NOT_A_TIME, e.getMessage(), json);
            }
        }
    }
}
