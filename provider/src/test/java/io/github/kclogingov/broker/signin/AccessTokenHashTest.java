package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests that the id_token's at_hash must be the hash of the access token it came with. */
class AccessTokenHashTest {

    /** The access token and at_hash of OpenID Connect Core's examples (Appendix A.3, A.4). */
    static final String SPEC_ACCESS_TOKEN = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";

    static final String SPEC_AT_HASH = "77QmUPtjPfzWtF2AnpK9RQ";

    static final String ACCESS_TOKEN = "hhJES3wcgjI55jzjBvZpNQ";

    static final String NOT_A_STRING = "id_token at_hash is not a string or no access token came with it";

    static final String MISMATCH = "id_token at_hash does not match the access token";

    /**
     * OpenID Connect Core §3.1.3.6: the base64url encoding, without padding, of the left-most half
     * of the SHA-256 hash of the ASCII octets of the access token. Encoded here through the
     * standard alphabet and translated, so it does not share the production code's encoder.
     */
    static String atHash(String accessToken) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        byte[] left128Bits = Arrays.copyOfRange(digest, 0, 16);
        return Base64.getEncoder()
                .encodeToString(left128Bits)
                .replace('+', '-')
                .replace('/', '_')
                .replace("=", "");
    }

    static String refusal(Object atHash, String accessToken) {
        LoginGovLoginException e =
                assertThrows(LoginGovLoginException.class, () -> AccessTokenHash.check(atHash, accessToken));
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        if (accessToken != null) {
            assertFalse(e.getMessage().contains(accessToken), e.getMessage());
        }
        if (atHash instanceof String text && !text.isEmpty()) {
            assertFalse(e.getMessage().contains(text), e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void the_example_of_openid_connect_core_is_accepted() {
        assertEquals(SPEC_AT_HASH, AccessTokenHash.leftHalfSha256(SPEC_ACCESS_TOKEN));
        assertDoesNotThrow(() -> AccessTokenHash.check(SPEC_AT_HASH, SPEC_ACCESS_TOKEN));
    }

    @Test
    void the_hash_of_the_access_token_is_accepted() throws Exception {
        String expected = atHash(ACCESS_TOKEN);
        assertEquals(22, expected.length(), "128 bits in base64url without padding");
        assertEquals(expected, AccessTokenHash.leftHalfSha256(ACCESS_TOKEN));
        assertDoesNotThrow(() -> AccessTokenHash.check(new String(expected), ACCESS_TOKEN));
    }

    @Test
    void the_hash_of_another_access_token_is_refused() throws Exception {
        assertEquals(MISMATCH, refusal(atHash("another-access-token"), ACCESS_TOKEN));
        assertEquals(MISMATCH, refusal(SPEC_AT_HASH, ACCESS_TOKEN));
    }

    @Test
    void a_hash_differing_only_in_case_is_refused() {
        assertEquals(MISMATCH, refusal(SPEC_AT_HASH.toLowerCase(), SPEC_ACCESS_TOKEN));
    }

    @Test
    void a_padded_or_full_length_hash_is_refused() throws Exception {
        assertEquals(MISMATCH, refusal(SPEC_AT_HASH + "==", SPEC_ACCESS_TOKEN));
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(SPEC_ACCESS_TOKEN.getBytes(StandardCharsets.US_ASCII));
        String fullHash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        assertEquals(MISMATCH, refusal(fullHash, SPEC_ACCESS_TOKEN));
    }

    @Test
    void an_empty_hash_is_refused() {
        assertEquals(MISMATCH, refusal("", SPEC_ACCESS_TOKEN));
    }

    @Test
    void an_at_hash_that_is_not_a_string_is_refused() {
        assertEquals(NOT_A_STRING, refusal(12345, SPEC_ACCESS_TOKEN));
        assertEquals(NOT_A_STRING, refusal(List.of(SPEC_AT_HASH), SPEC_ACCESS_TOKEN));
        assertEquals(NOT_A_STRING, refusal(SPEC_AT_HASH.getBytes(StandardCharsets.US_ASCII), SPEC_ACCESS_TOKEN));
    }

    @Test
    void an_at_hash_without_an_access_token_is_refused() {
        assertEquals(NOT_A_STRING, refusal(SPEC_AT_HASH, null));
    }

    @Test
    void an_absent_at_hash_is_accepted() {
        assertDoesNotThrow(() -> AccessTokenHash.check(null, SPEC_ACCESS_TOKEN));
        assertDoesNotThrow(() -> AccessTokenHash.check(null, null));
    }
}
