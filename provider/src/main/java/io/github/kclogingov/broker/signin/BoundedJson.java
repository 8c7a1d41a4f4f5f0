package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON reader for the parts of an id_token, with limits far below Jackson's defaults: an
 * id_token is read before anything about it is known, so a hostile one must fail fast and cheaply.
 * Login.gov's header is a flat object and its deepest claim ({@code address}) is two levels down;
 * its longest value is a few hundred characters and its numbers are epoch seconds.
 */
public final class BoundedJson {

    /** Objects and arrays inside each other: Login.gov needs 2, so 16 is generous. */
    static final int MAX_NESTING_DEPTH = 16;

    /** Longest string value: Login.gov's longest (an address, an X.509 subject) is a few hundred characters. */
    static final int MAX_STRING_LENGTH = 16 * 1024;

    /** Longest member name: Login.gov's longest is under 30 characters. */
    static final int MAX_NAME_LENGTH = 256;

    /** Longest number, in characters: epoch seconds need 10; 32 keeps 1e999999999 tricks out of BigDecimal. */
    static final int MAX_NUMBER_LENGTH = 32;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxDocumentLength(IdTokenValidator.MAX_TOKEN_LENGTH)
                            .build())
                    // RFC 7515 section 4 and RFC 7519 section 4: member names must be unique; two "alg" are refused,
                    // not guessed.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BoundedJson() {}

    /** The JSON object in {@code json}; empty if it is not one JSON object within the limits. */
    public static Optional<JsonNode> object(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
