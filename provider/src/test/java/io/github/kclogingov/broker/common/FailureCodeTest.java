package io.github.kclogingov.broker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FailureCodeTest {

    @Test
    void every_code_is_distinct_and_a_plain_snake_case_word() {
        Set<String> codes =
                Arrays.stream(FailureCode.values()).map(FailureCode::code).collect(Collectors.toSet());

        assertEquals(FailureCode.values().length, codes.size());
        codes.forEach(code -> assertTrue(code.matches("[a-z][a-z_]*[a-z]"), code));
    }

    @Test
    void a_failure_keeps_its_code_and_its_reason() {
        LoginGovLoginException failure =
                new LoginGovLoginException(FailureCode.NONCE_MISMATCH, "id_token has no nonce");

        assertEquals(FailureCode.NONCE_MISMATCH, failure.code());
        assertEquals("id_token has no nonce", failure.getMessage());
    }
}
