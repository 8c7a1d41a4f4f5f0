package io.github.kclogingov.broker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests how an untrusted value is quoted in a failure reason: printable ASCII only, cut short, null shown as such. */
class UntrustedTextQuotedTest {

    @Test
    void null_reads_as_none() {
        assertEquals("(none)", UntrustedText.quoted(null));
    }

    @Test
    void empty_stays_empty() {
        assertEquals("", UntrustedText.quoted(""));
    }

    @Test
    void printable_ascii_is_kept_as_is() {
        String value = " urn:acr.login.gov:verified?x=1&y=~{}[]\"'\\ ";
        assertEquals(value, UntrustedText.quoted(value));
    }

    @Test
    void control_characters_become_question_marks() {
        assertEquals("a??b?c?d?e", UntrustedText.quoted("a\r\nb\u0000c\u001bd\te"));
    }

    @Test
    void delete_and_characters_beyond_ascii_become_question_marks() {
        assertEquals("?caf??", UntrustedText.quoted("\u007fcaf\u00e9\u202e"));
    }

    @Test
    void a_character_outside_the_basic_plane_becomes_one_question_mark() {
        assertEquals("a?b", UntrustedText.quoted("a\uD83D\uDE00b"));
    }

    @Test
    void the_result_is_only_printable_ascii() {
        String quoted = UntrustedText.quoted("evil\r\nSet-Cookie: a=b\u0000\u001b[31m\u202e\u00e9\u2028");
        assertTrue(quoted.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), quoted);
    }

    @Test
    void a_value_of_the_maximum_length_is_not_cut() {
        String value = "x".repeat(UntrustedText.MAX_QUOTED);
        assertEquals(value, UntrustedText.quoted(value));
    }

    @Test
    void a_longer_value_is_cut_at_the_maximum_and_marked() {
        assertEquals("x".repeat(120) + "...", UntrustedText.quoted("x".repeat(121)));
        assertEquals("y".repeat(120) + "...", UntrustedText.quoted("y".repeat(10_000)));
    }

    @Test
    void replacement_comes_before_the_cut() {
        assertEquals("?".repeat(120) + "...", UntrustedText.quoted("\n".repeat(500)));
    }
}
