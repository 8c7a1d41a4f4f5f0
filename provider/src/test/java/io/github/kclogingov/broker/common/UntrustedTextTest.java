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
}
