package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.JsonWebToken;

class IdTokenValidatorTest {

    static final String ISSUER = "https://idp.int.identitysandbox.gov/";
    static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static KeyPair loginGovKey;
    static KeyPair otherKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        loginGovKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    /** Login.gov's JWKS as the validator sees it: keys by kid, and the usable keys of the whole set. */
    record Jwks(Map<String, PublicKey> byKid) implements IdTokenValidator.KeyResolver {
        @Override
        public PublicKey find(String kid) {
            return byKid.get(kid);
        }

        @Override
        public List<PublicKey> usableKeys() {
            return List.copyOf(byKid.values());
        }
    }

    IdTokenValidator validator() {
        return validator(new Jwks(Map.of("primary", loginGovKey.getPublic())));
    }

    IdTokenValidator validator(IdTokenValidator.KeyResolver keys) {
        return new IdTokenValidator(
                keys,
                ISSUER,
                CLIENT_ID,
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder goodClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca")
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW.minusSeconds(2)))
                .notBeforeTime(Date.from(NOW.minusSeconds(2)))
                .expirationTime(Date.from(NOW.plusSeconds(900)))
                .claim("nonce", "n".repeat(22))
                .claim("acr", "urn:acr.login.gov:auth-only");
    }

    static String sign(JWTClaimsSet claims, KeyPair key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    static String token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = goodClaims();
        change.accept(claims);
        return sign(claims.build(), loginGovKey, "primary");
    }

    /** A JWS signed for real with RS256 whatever its header says, so that only the rule under test can fail. */
    static String signRaw(String headerJson, String payloadJson, KeyPair key) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(key.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + base64.encodeToString(signer.sign());
    }

    /** The good claims with a header written by hand. */
    static String withHeader(String headerJson) throws Exception {
        return signRaw(headerJson, goodClaims().build().toString(), loginGovKey);
    }

    /** The good claims as JSON, with {@code extra} members spliced in (or replacing earlier ones, last wins). */
    static String withPayload(String payloadJson) throws Exception {
        return signRaw("{\"alg\":\"RS256\",\"kid\":\"primary\"}", payloadJson, loginGovKey);
    }

    /** The good claims' JSON with one member set to raw JSON (or removed when {@code json} is null). */
    static String claimsJson(String name, String json) {
        Map<String, Object> claims = new LinkedHashMap<>(goodClaims().build().toJSONObject());
        claims.remove(name);
        StringBuilder out = new StringBuilder(JSONObjectUtils.toJSONString(claims));
        if (json != null) {
            out.insert(out.length() - 1, ",\"" + name + "\":" + json);
        }
        return out.toString();
    }

    LoginGovLoginException assertRefused(String token, String reasonPart) {
        return assertRefused(validator(), token, reasonPart);
    }

    static LoginGovLoginException assertRefused(IdTokenValidator validator, String token, String reasonPart) {
        LoginGovLoginException e = assertThrows(LoginGovLoginException.class, () -> validator.validate(token));
        assertTrue(e.getMessage().contains(reasonPart), () -> "reason was: " + e.getMessage());
        assertEquals(LoginGovLoginException.MESSAGE_KEY, e.getMessageCode());
        return e;
    }

    @Test
    void a_good_token_is_accepted() throws Exception {
        JsonWebToken token = validator().validate(token(c -> {}));
        assertEquals("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca", token.getSubject());
    }

    @Nested
    class Signature {
        @Test
        void a_tampered_payload_is_refused() throws Exception {
            String[] parts = token(c -> {}).split("\\.");
            String otherPayload = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(goodClaims()
                            .subject("someone-else")
                            .build()
                            .toString()
                            .getBytes());
            assertRefused(parts[0] + "." + otherPayload + "." + parts[2], "signature is invalid");
        }

        @Test
        void a_key_login_gov_does_not_list_is_refused() throws Exception {
            assertRefused(sign(goodClaims().build(), otherKey, "unknown"), "does not list");
        }

        @Test
        void the_right_kid_with_the_wrong_key_is_refused() throws Exception {
            assertRefused(sign(goodClaims().build(), otherKey, "primary"), "signature is invalid");
        }

        @Test
        void hs256_is_refused_even_keyed_with_the_public_key() throws Exception {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("primary").build(),
                    goodClaims().build());
            jwt.sign(new MACSigner(loginGovKey.getPublic().getEncoded()));
            assertRefused(jwt.serialize(), "RS256 only");
        }

        @Test
        void an_unsigned_token_is_refused() {
            assertRefused(new PlainJWT(goodClaims().build()).serialize(), "RS256 only");
        }

        @Test
        void garbage_is_refused() {
            assertRefused("not-a-jwt", "not a signed JWT");
            assertRefused("a.b!.c", "well-formed");
            assertRefused("", "no id_token");
            assertRefused(null, "no id_token");
        }

        @Test
        void an_encrypted_token_of_five_parts_is_refused() {
            assertRefused("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", "not a signed JWT");
        }

        @Test
        void padded_base64_is_refused() throws Exception {
            String[] parts = token(c -> {}).split("\\.");
            assertRefused(parts[0] + "=." + parts[1] + "." + parts[2], "well-formed");
        }

        @Test
        void a_signature_of_the_wrong_length_is_refused() throws Exception {
            String[] parts = token(c -> {}).split("\\.");
            assertRefused(parts[0] + "." + parts[1] + ".AAAA", "signature is invalid");
        }

        @Test
        void a_key_shorter_than_2048_bits_is_refused() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair weak = generator.generateKeyPair();
            assertRefused(
                    validator(new Jwks(Map.of("primary", weak.getPublic()))),
                    signRaw(
                            "{\"alg\":\"RS256\",\"kid\":\"primary\"}",
                            goodClaims().build().toString(),
                            weak),
                    "shorter than 2048 bits");
        }

        @Test
        void a_key_of_another_type_is_refused() throws Exception {
            PublicKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
            assertRefused(validator(new Jwks(Map.of("primary", ec))), token(c -> {}), "not an RSA key");
        }
    }

    @Nested
    class Claims {
        @Test
        void an_issuer_without_the_trailing_slash_is_refused() throws Exception {
            assertRefused(token(c -> c.issuer("https://idp.int.identitysandbox.gov")), "issuer");
        }

        @Test
        void another_issuer_is_refused() throws Exception {
            assertRefused(token(c -> c.issuer("https://evil.example/")), "issuer");
        }

        @Test
        void an_extra_audience_is_refused() throws Exception {
            assertRefused(token(c -> c.audience(List.of(CLIENT_ID, "someone-else"))), "audience");
        }

        @Test
        void another_audience_is_refused() throws Exception {
            assertRefused(token(c -> c.audience("someone-else")), "audience");
        }

        @Test
        void a_foreign_azp_is_refused() throws Exception {
            assertRefused(token(c -> c.claim("azp", "someone-else")), "azp");
        }
    }

    @Nested
    class Times {
        @Test
        void a_missing_exp_is_refused() throws Exception {
            assertRefused(token(c -> c.expirationTime(null)), "no exp");
        }

        @Test
        void a_missing_iat_is_refused() throws Exception {
            assertRefused(token(c -> c.issueTime(null)), "no iat");
        }

        @Test
        void an_expired_token_is_refused() throws Exception {
            assertRefused(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(11)))), "expired");
        }

        @Test
        void an_iat_in_the_future_beyond_the_skew_is_refused() throws Exception {
            assertRefused(token(c -> c.issueTime(Date.from(NOW.plusSeconds(11)))), "future");
        }

        @Test
        void an_iat_within_the_skew_is_accepted() throws Exception {
            validator().validate(token(c -> c.issueTime(Date.from(NOW.plusSeconds(9)))));
        }

        @Test
        void an_old_iat_is_refused() throws Exception {
            assertRefused(token(c -> c.issueTime(Date.from(NOW.minusSeconds(311)))), "issued more than");
        }

        @Test
        void a_future_nbf_is_refused() throws Exception {
            assertRefused(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(60)))), "nbf");
        }
    }

    @Nested
    class Length {
        @Test
        void a_token_over_64_kib_is_refused_before_anything_is_parsed() {
            String huge = "a".repeat(IdTokenValidator.MAX_TOKEN_LENGTH + 1);
            assertRefused(huge, "longer than 65536 characters");
        }

        @Test
        void a_real_size_token_with_many_claims_is_accepted() throws Exception {
            String token = token(c -> c.claim("address", Map.of("formatted", "x".repeat(2000))));
            assertTrue(token.length() < IdTokenValidator.MAX_TOKEN_LENGTH);
            validator().validate(token);
        }
    }

    @Nested
    class KeyId {
        static String unsignedKid() throws Exception {
            return withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        }

        @Test
        void without_kid_the_only_key_of_the_jwks_is_used() throws Exception {
            assertEquals(
                    "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca",
                    validator().validate(unsignedKid()).getSubject());
        }

        @Test
        void without_kid_two_usable_keys_are_refused() throws Exception {
            IdTokenValidator rotating =
                    validator(new Jwks(Map.of("primary", loginGovKey.getPublic(), "secondary", otherKey.getPublic())));
            assertRefused(rotating, unsignedKid(), "id_token has no kid and Login.gov's JWKS holds 2 usable keys");
        }

        @Test
        void without_kid_an_empty_jwks_is_refused() throws Exception {
            assertRefused(validator(new Jwks(Map.of())), unsignedKid(), "holds 0 usable keys");
        }

        @Test
        void without_kid_the_only_key_must_still_have_signed() throws Exception {
            assertRefused(
                    validator(new Jwks(Map.of("primary", otherKey.getPublic()))),
                    unsignedKid(),
                    "signature is invalid");
        }

        @Test
        void an_empty_or_non_text_kid_is_refused() throws Exception {
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":\"\"}"), "is not a key ID");
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":7}"), "kid (a JSON number)");
        }

        @Test
        void an_unknown_kid_is_quoted_sanitised_and_short() throws Exception {
            String kid = "evil\n\u001b[31m" + "k".repeat(200);
            LoginGovLoginException e = assertRefused(sign(goodClaims().build(), loginGovKey, kid), "does not list");
            assertTrue(e.getMessage().contains("evil??[31mkkk"), e.getMessage());
            assertTrue(e.getMessage().length() < 300, e.getMessage());
        }
    }

    /**
     * Login.gov's key set changed since Keycloak cached it: the token signed by a key published now
     * is accepted after one refetch, allowed once per the cache's minimum interval, and on the fresh
     * keys every rule holds as before.
     */
    @Nested
    class KeySetChanges {

        /** Keys as cached, replaced by the published ones at the first refetch the floor allows. */
        final class ChangingJwks implements IdTokenValidator.KeyResolver {
            private List<PublicKey> cached;
            private final List<PublicKey> published;
            private final boolean floorPassed;
            int refetches;

            ChangingJwks(List<PublicKey> cached, List<PublicKey> published, boolean floorPassed) {
                this.cached = cached;
                this.published = published;
                this.floorPassed = floorPassed;
            }

            @Override
            public PublicKey find(String kid) {
                return null; // every key of these sets is kid-less: never matched to a token's kid
            }

            @Override
            public List<PublicKey> usableKeys() {
                return cached;
            }

            @Override
            public boolean refetch() {
                if (!floorPassed) {
                    return false;
                }
                refetches++;
                cached = published;
                return true;
            }
        }

        @Test
        void a_set_that_shrank_to_one_key_signs_in_a_token_without_kid() throws Exception {
            ChangingJwks jwks = new ChangingJwks(
                    List.of(loginGovKey.getPublic(), otherKey.getPublic()), List.of(loginGovKey.getPublic()), true);

            assertEquals(
                    "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca",
                    validator(jwks).validate(KeyId.unsignedKid()).getSubject());
            assertEquals(1, jwks.refetches);
        }

        @Test
        void a_replaced_kid_less_key_signs_in_after_one_refetch() throws Exception {
            ChangingJwks jwks = new ChangingJwks(List.of(otherKey.getPublic()), List.of(loginGovKey.getPublic()), true);

            validator(jwks).validate(KeyId.unsignedKid());
            assertEquals(1, jwks.refetches);
        }

        @Test
        void within_the_refetch_floor_the_cached_keys_decide() throws Exception {
            ChangingJwks jwks = new ChangingJwks(
                    List.of(loginGovKey.getPublic(), otherKey.getPublic()), List.of(loginGovKey.getPublic()), false);

            assertRefused(validator(jwks), KeyId.unsignedKid(), "holds 2 usable keys");
        }

        @Test
        void fresh_keys_meet_the_same_rules() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair weak = generator.generateKeyPair();
            String token = signRaw("{\"alg\":\"RS256\"}", goodClaims().build().toString(), weak);
            ChangingJwks shrunk = new ChangingJwks(List.of(otherKey.getPublic()), List.of(weak.getPublic()), true);
            assertRefused(validator(shrunk), token, "shorter than 2048 bits");

            ChangingJwks stillTwo = new ChangingJwks(
                    List.of(loginGovKey.getPublic()), List.of(loginGovKey.getPublic(), otherKey.getPublic()), true);
            assertRefused(validator(stillTwo), token, "holds 2 usable keys");
        }

        @Test
        void a_jwks_that_cannot_be_fetched_is_not_asked_again() throws Exception {
            int[] refetches = {0};
            IdTokenValidator.KeyResolver busy = new IdTokenValidator.KeyResolver() {
                @Override
                public PublicKey find(String kid) {
                    throw LoginGovBusyException.of(
                            LoginGovUnavailableException.Endpoint.JWKS, "5", java.time.Instant.now());
                }

                @Override
                public List<PublicKey> usableKeys() {
                    return find(null) == null ? List.of() : List.of();
                }

                @Override
                public boolean refetch() {
                    refetches[0]++;
                    return true;
                }
            };

            assertThrows(LoginGovBusyException.class, () -> validator(busy).validate(token(c -> {})));
            assertEquals(0, refetches[0], "a 429 is never followed by another call");
        }

        @Test
        void a_kid_less_key_is_never_matched_to_a_token_kid() throws Exception {
            ChangingJwks jwks =
                    new ChangingJwks(List.of(loginGovKey.getPublic()), List.of(loginGovKey.getPublic()), true);

            assertRefused(validator(jwks), sign(goodClaims().build(), loginGovKey, "primary"), "does not list");
        }
    }

    @Nested
    class Header {
        @ParameterizedTest
        @ValueSource(strings = {"none", "None", "NONE", "HS256", "RS384", "PS256", "ES256", "rs256", "RS256 "})
        void any_algorithm_but_exactly_rs256_is_refused(String alg) throws Exception {
            assertRefused(withHeader("{\"alg\":\"" + alg + "\",\"kid\":\"primary\"}"), "RS256 only");
        }

        @Test
        void a_missing_or_non_text_alg_is_refused() throws Exception {
            assertRefused(withHeader("{\"kid\":\"primary\"}"), "algorithm (none) refused");
            assertRefused(withHeader("{\"alg\":[\"RS256\"],\"kid\":\"primary\"}"), "(a JSON array)");
        }

        @Test
        void two_algs_are_refused_not_guessed() throws Exception {
            assertRefused(
                    withHeader("{\"alg\":\"none\",\"alg\":\"RS256\",\"kid\":\"primary\"}"),
                    "header is not a JSON object");
        }

        @ParameterizedTest
        @ValueSource(strings = {"jwk", "jku", "x5u", "x5c"})
        void a_header_carrying_or_pointing_at_a_key_is_refused(String member) throws Exception {
            assertRefused(
                    withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"" + member + "\":\"x\"}"),
                    "carries or points at a key (" + member + ")");
        }

        @Test
        void crit_zip_b64_and_cty_are_refused() throws Exception {
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"crit\":[\"exp\"]}"), "crit");
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"zip\":\"DEF\"}"), "zip");
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"b64\":false}"), "b64");
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"cty\":\"JWT\"}"), "nested JWT");
        }

        @ParameterizedTest
        @ValueSource(strings = {"secevent+jwt", "at+jwt", "JWE", "application/jwt+x"})
        void a_token_of_another_type_is_refused(String typ) throws Exception {
            assertRefused(
                    withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"typ\":\"" + typ + "\"}"),
                    "id_token type '" + typ + "' refused");
        }

        @Test
        void typ_jwt_in_any_case_or_no_typ_is_accepted() throws Exception {
            validator().validate(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"typ\":\"jwt\"}"));
            validator().validate(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\"}"));
        }

        @Test
        void a_header_that_is_not_an_object_is_refused() throws Exception {
            assertRefused(withHeader("[\"RS256\"]"), "header is not a JSON object");
            assertRefused(withHeader("{\"alg\":\"RS256\"} trailing"), "header is not a JSON object");
        }

        @Test
        void a_deeply_nested_header_is_refused() throws Exception {
            String deep = "[".repeat(1000) + "]".repeat(1000);
            assertRefused(withHeader("{\"alg\":\"RS256\",\"kid\":\"primary\",\"x\":" + deep + "}"), "exceeds limits");
        }
    }

    @Nested
    class HostilePayload {
        @Test
        void a_deeply_nested_claim_fails_quickly() throws Exception {
            String deep = "[".repeat(10_000) + "]".repeat(10_000);
            long start = System.nanoTime();
            assertRefused(withPayload(claimsJson("x", deep)), "id_token claims are not valid JSON or exceed limits");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
        }

        @Test
        void an_oversized_number_is_refused() throws Exception {
            assertRefused(
                    withPayload(claimsJson("verified_at", "1" + "0".repeat(40))),
                    "id_token claims are not valid JSON or exceed limits");
        }

        @Test
        void a_huge_string_is_refused() throws Exception {
            assertRefused(
                    withPayload(claimsJson("given_name", "\"" + "a".repeat(BoundedJson.MAX_STRING_LENGTH + 1) + "\"")),
                    "id_token claims are not valid JSON or exceed limits");
        }

        @Test
        void duplicate_claims_are_refused() throws Exception {
            assertRefused(withPayload(claimsJson("sub", "\"a\",\"sub\":\"b\"")), "exceed limits");
        }

        @Test
        void claims_that_are_not_an_object_are_refused() throws Exception {
            assertRefused(withPayload("[1,2]"), "id_token claims are not valid JSON or exceed limits");
            assertRefused(withPayload("not json"), "id_token claims are not valid JSON or exceed limits");
        }

        @Test
        void the_claims_a_mapper_reads_are_kept() throws Exception {
            JsonWebToken token = validator()
                    .validate(token(c -> c.claim("address", Map.of("locality", "Washington"))
                            .claim("all_emails", List.of("a@example.gov"))));
            assertEquals(
                    Map.of("locality", "Washington"), token.getOtherClaims().get("address"));
            assertEquals(List.of("a@example.gov"), token.getOtherClaims().get("all_emails"));
            assertEquals("n".repeat(22), token.getOtherClaims().get("nonce"));
            assertEquals(ISSUER, token.getIssuer());
            assertEquals(NOW.plusSeconds(900).getEpochSecond(), token.getExp());
        }
    }

    @Nested
    class RequiredClaims {
        @Test
        void a_missing_or_empty_issuer_is_refused() throws Exception {
            assertRefused(token(c -> c.issuer(null)), "id_token has no iss");
            assertRefused(token(c -> c.issuer("")), "id_token has no iss");
            assertRefused(withPayload(claimsJson("iss", "[\"" + ISSUER + "\"]")), "issuer is not");
        }

        @Test
        void the_issuer_is_not_quoted() throws Exception {
            LoginGovLoginException e = assertRefused(token(c -> c.issuer("https://secret.example/")), "issuer");
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }

        @Test
        void a_missing_sub_is_refused() throws Exception {
            assertRefused(token(c -> c.subject(null)), "id_token has no sub");
        }

        @Test
        void a_sub_that_is_empty_too_long_not_ascii_or_not_text_is_refused() throws Exception {
            assertRefused(token(c -> c.subject("")), "sub must be a string of 1 to 255");
            assertRefused(token(c -> c.subject("a".repeat(256))), "sub must be a string of 1 to 255");
            assertRefused(token(c -> c.subject("caf\u00e9")), "sub must be a string of 1 to 255");
            assertRefused(token(c -> c.subject("a\nb")), "sub must be a string of 1 to 255");
            assertRefused(withPayload(claimsJson("sub", "12345")), "sub must be a string of 1 to 255");
        }

        @Test
        void a_sub_of_255_ascii_characters_is_accepted() throws Exception {
            validator().validate(token(c -> c.subject("s".repeat(255))));
        }

        @Test
        void the_audience_as_a_one_element_array_is_accepted() throws Exception {
            validator().validate(withPayload(claimsJson("aud", "[\"" + CLIENT_ID + "\"]")));
        }

        @Test
        void a_missing_empty_or_odd_audience_is_refused() throws Exception {
            assertRefused(withPayload(claimsJson("aud", null)), "id_token has no aud");
            assertRefused(withPayload(claimsJson("aud", "[]")), "audience must be exactly the client ID");
            assertRefused(withPayload(claimsJson("aud", "[[\"" + CLIENT_ID + "\"]]")), "audience must be exactly");
            assertRefused(
                    withPayload(claimsJson("aud", "{\"aud\":\"" + CLIENT_ID + "\"}")), "audience must be exactly");
        }

        @Test
        void an_azp_equal_to_the_client_id_is_accepted() throws Exception {
            validator().validate(token(c -> c.claim("azp", CLIENT_ID)));
        }

        @Test
        void a_null_azp_is_refused() throws Exception {
            assertRefused(withPayload(claimsJson("azp", "null")), "azp");
        }

        @Test
        void a_nonce_that_is_not_text_is_refused() throws Exception {
            assertRefused(withPayload(claimsJson("nonce", "22")), "nonce is not a string");
        }

        @Test
        void no_nonce_is_left_to_the_nonce_check() throws Exception {
            validator().validate(token(c -> c.claim("nonce", null)));
        }
    }

    @Nested
    class NumericDates {
        @Test
        void exp_and_iat_as_text_are_refused() throws Exception {
            assertRefused(
                    withPayload(claimsJson("exp", "\"" + NOW.plusSeconds(60).getEpochSecond() + "\"")),
                    "exp is not a NumericDate");
            assertRefused(
                    withPayload(claimsJson("iat", "\"" + NOW.getEpochSecond() + "\"")), "iat is not a NumericDate");
        }

        @Test
        void an_exp_beyond_any_real_date_is_refused_without_overflow() throws Exception {
            assertRefused(withPayload(claimsJson("exp", String.valueOf(Long.MAX_VALUE))), "exp is not a NumericDate");
            assertRefused(withPayload(claimsJson("exp", "1e300")), "exp is not a NumericDate");
            assertRefused(withPayload(claimsJson("iat", "-1")), "iat is not a NumericDate");
        }

        @Test
        void a_fractional_exp_is_accepted() throws Exception {
            validator()
                    .validate(withPayload(claimsJson("exp", NOW.plusSeconds(60).getEpochSecond() + ".5")));
        }

        @Test
        void a_null_exp_is_missing() throws Exception {
            assertRefused(withPayload(claimsJson("exp", "null")), "no exp");
        }

        @Test
        void an_auth_time_in_the_past_is_accepted() throws Exception {
            validator()
                    .validate(token(
                            c -> c.claim("auth_time", NOW.minusSeconds(3600).getEpochSecond())));
        }

        @Test
        void an_auth_time_in_the_future_beyond_the_skew_is_refused() throws Exception {
            assertRefused(
                    token(c -> c.claim("auth_time", NOW.plusSeconds(11).getEpochSecond())),
                    "auth_time is in the future");
            validator()
                    .validate(token(c -> c.claim("auth_time", NOW.plusSeconds(9).getEpochSecond())));
        }

        @Test
        void an_auth_time_that_is_not_a_number_is_refused() throws Exception {
            assertRefused(token(c -> c.claim("auth_time", "yesterday")), "auth_time is not a NumericDate");
        }

        @Test
        void an_nbf_that_is_not_a_number_is_refused() throws Exception {
            assertRefused(withPayload(claimsJson("nbf", "true")), "nbf is not a NumericDate");
        }

        @Test
        void an_nbf_within_the_skew_is_accepted() throws Exception {
            validator().validate(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(9)))));
        }
    }

    /**
     * The id_token as identity-idp's {@code IdTokenBuilder} writes it: the scoped userinfo payload of
     * {@code OpenidConnectUserInfoPresenter}, then {@code acr}, {@code nonce}, {@code aud}, {@code jti},
     * {@code at_hash}, {@code c_hash}, then {@code exp} (the end of the Login.gov session), {@code iat}
     * and {@code nbf} (both "now").
     */
    @Nested
    class AsIdentityIdpWritesIt {
        static JWTClaimsSet.Builder everyClaim() {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("formatted", "1 Main St\nApt 2\nWashington, DC 20001");
            address.put("street_address", "1 Main St\nApt 2");
            address.put("locality", "Washington");
            address.put("region", "DC");
            address.put("postal_code", "20001");
            return goodClaims()
                    .jwtID("Zl1Jv3m3K8j0mQ2w9pX7bA")
                    .claim("at_hash", "x2B9uR1mH3sT5vW7yZ0aBg")
                    .claim("c_hash", "Qq7Lm0Nn2Pp4Rr6Tt8Vv0w")
                    .claim("acr", "urn:acr.login.gov:verified")
                    .claim("ial", "urn:acr.login.gov:verified")
                    .claim("aal", "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo")
                    .claim("email", "jordan@example.org")
                    .claim("email_verified", true)
                    .claim("all_emails", List.of("jordan@example.org", "j@example.gov"))
                    .claim("locale", "es")
                    .claim("given_name", "Jordan")
                    .claim("family_name", "Example")
                    .claim("birthdate", "1970-01-02")
                    .claim("social_security_number", "123456789")
                    .claim("address", address)
                    .claim("phone", "+12025550100")
                    .claim("phone_verified", true)
                    .claim("verified_at", 1_709_294_400L)
                    .claim("x509_subject", null)
                    .claim("x509_issuer", null)
                    .claim("x509_presented", false)
                    .claim("auth_time", NOW.minusSeconds(30).getEpochSecond());
        }

        @Test
        void a_token_with_every_claim_login_gov_writes_is_accepted_and_every_claim_kept() throws Exception {
            JsonWebToken token = validator().validate(sign(everyClaim().build(), loginGovKey, "primary"));
            assertEquals("jordan@example.org", token.getOtherClaims().get("email"));
            assertEquals("123456789", token.getOtherClaims().get("social_security_number"));
            assertEquals(false, token.getOtherClaims().get("x509_presented"));
            assertEquals("1 Main St\nApt 2", ((Map<?, ?>) token.getOtherClaims().get("address")).get("street_address"));
        }

        @Test
        void claims_login_gov_sends_as_null_are_accepted() throws Exception {
            // An expired Login.gov session: identity-idp writes the verified attributes as null.
            validator()
                    .validate(sign(
                            everyClaim()
                                    .claim("given_name", null)
                                    .claim("family_name", null)
                                    .claim("birthdate", null)
                                    .claim("social_security_number", null)
                                    .claim("address", null)
                                    .claim("phone", null)
                                    .claim("phone_verified", null)
                                    .claim("verified_at", null)
                                    .claim("locale", null)
                                    .build(),
                            loginGovKey,
                            "primary"));
        }

        @Test
        void a_login_gov_session_with_seconds_left_is_enough_no_lifetime_is_demanded() throws Exception {
            validator().validate(token(c -> c.expirationTime(Date.from(NOW.plusSeconds(1)))));
        }

        @Test
        void an_exp_equal_to_iat_of_an_expired_login_gov_session_is_accepted_within_the_clock_skew() throws Exception {
            // identity-idp's expires_at is "now" once the session is gone: exp == iat == nbf.
            Date issued = Date.from(NOW.minusSeconds(3));
            validator()
                    .validate(
                            token(c -> c.issueTime(issued).notBeforeTime(issued).expirationTime(issued)));
            Date longAgo = Date.from(NOW.minusSeconds(11));
            assertRefused(
                    token(c -> c.issueTime(longAgo).notBeforeTime(longAgo).expirationTime(longAgo)),
                    "id_token has expired");
        }

        @Test
        void jti_is_ignored_any_value_or_none_and_the_same_twice() throws Exception {
            String once = token(c -> c.jwtID("Zl1Jv3m3K8j0mQ2w9pX7bA"));
            validator().validate(once);
            validator().validate(once);
            validator().validate(token(c -> c.jwtID("not-base64-at-all !")));
            validator().validate(token(c -> c.jwtID(null)));
        }

        @Test
        void c_hash_is_ignored_any_value_or_none() throws Exception {
            validator().validate(token(c -> c.claim("c_hash", "matches-no-code")));
            validator().validate(token(c -> c.claim("c_hash", null)));
        }

        @Test
        void nbf_may_be_absent() throws Exception {
            validator().validate(token(c -> c.notBeforeTime(null)));
        }

        @Test
        void claims_nobody_reads_are_accepted_and_change_no_rule() throws Exception {
            // vot and vtm (removed in 2025), or anything identity-idp may add: no check reads them.
            JsonWebToken token = validator()
                    .validate(token(c -> c.claim("vot", "C1.C2.P1")
                            .claim("vtm", "https://developer.login.gov/vot-trust-framework")
                            .claim("something_new", Map.of("nested", List.of(1, 2)))));
            assertEquals(ISSUER, token.getIssuer());
            assertRefused(
                    token(c -> c.claim("vot", "C1.C2.P1").audience("someone-else")),
                    "audience must be exactly the client ID");
        }
    }
}
