package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonMediaTypeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-8",
                "Application/JSON; Charset=\"utf-8\"",
                "APPLICATION/JSON",
                "application/jwk-set+json",
                "application/jwk-set+json; charset=utf-8",
                "application/problem+json",
                "application/vnd.example.keys+json",
                "  application/json  ",
            })
    void a_json_media_type_is_json_whatever_its_parameters_case_or_suffix(String contentType) {
        assertTrue(JsonMediaType.matches(contentType), contentType);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "text/html",
                "text/html; charset=utf-8",
                "text/json",
                "text/plain+json",
                "application/xml",
                "application/jsonp",
                "application/json-seq",
                "application/+json",
                "application/x json+json",
                "application",
                "json",
                "*/*",
            })
    void anything_else_is_not_json(String contentType) {
        assertFalse(JsonMediaType.matches(contentType), String.valueOf(contentType));
    }
}
