package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A token error's reason, whichever JSON shape a legitimate server gives it. */
class TokenErrorTextTest {

    @Test
    void login_gov_free_text_error() {
        assertEquals("Code not found", TokenErrorText.of("{\"error\":\"Code not found\"}"));
    }

    @Test
    void oauth_error_with_description() {
        assertEquals(
                "invalid_grant: code expired",
                TokenErrorText.of("{\"error_description\":\"code expired\",\"error\":\"invalid_grant\"}"));
    }

    @Test
    void problem_details_title_and_detail() {
        assertEquals(
                "Bad Request: the code was already used",
                TokenErrorText.of("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"the code was already used\"}"));
        assertEquals("the code was already used", TokenErrorText.of("{\"detail\":\"the code was already used\"}"));
    }

    @Test
    void control_characters_are_removed() {
        assertEquals("bad [31m code", TokenErrorText.of("{\"error\":\"bad\\n\\u001b[31m code\"}"));
    }

    @Test
    void no_reason_in_other_shapes() {
        assertNull(TokenErrorText.of(null));
        assertNull(TokenErrorText.of(""));
        assertNull(TokenErrorText.of("<html>Bad Request</html>"));
        assertNull(TokenErrorText.of("[\"error\"]"));
        assertNull(TokenErrorText.of("{\"error\":{\"nested\":1},\"title\":\" \"}"));
        assertNull(TokenErrorText.of("{\"message\":\"x\"}"));
    }
}
