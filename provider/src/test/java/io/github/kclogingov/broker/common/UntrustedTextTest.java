package io.github.kclogingov.broker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void login_gov_error_text_is_made_printable_and_short() {
        assertEquals("bad thing happened", UntrustedText.readable("bad\u0000 thing\r\nhappened"));
        assertEquals(
                UntrustedText.MAX_READABLE + 3,
                UntrustedText.readable("x".repeat(1000)).length());
    }

    @Test
    void text_for_a_page_has_no_angle_brackets_so_markup_shows_as_inert_text() {
        assertEquals(
                "invalid_request: \uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E & \"more\" it's",
                UntrustedText.forPage("invalid_request: <script>alert(1)</script> & \"more\" it's"));
        assertEquals("", UntrustedText.forPage(null));
    }
}
