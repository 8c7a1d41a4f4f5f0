package io.github.kclogingov.broker.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.kclogingov.broker.signin.IdTokenValidator;
import io.github.kclogingov.protocol.PushErrorCode;
import io.github.kclogingov.protocol.SecurityEventType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetVerifierTest {

    static final String ISSUER = "https://idp.int.identitysandbox.gov/";
    static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";
    static final String PUSH_URL = "https://sso.agency.gov/realms/r/logingov/logingov/security-events";
    static final String SUB = "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final String DISABLED = SecurityEventType.ACCOUNT_DISABLED.uri();
    static KeyPair loginGovKey;
    static KeyPair otherKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        loginGovKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

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

    static SetVerifier verifier() {
        return new SetVerifier(
                new Jwks(Map.of("primary", loginGovKey.getPublic())),
                ISSUER,
                Set.of(PUSH_URL, CLIENT_ID),
                Duration.ofSeconds(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Login.gov's token for account-disabled, as production writes it; {@code change} edits the claims. */
    static Map<String, Object> claims(Consumer<Map<String, Object>> change) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject_type", "iss-sub");
        subject.put("iss", ISSUER);
        subject.put("sub", SUB);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("subject", subject);
        event.put("reason", "account-suspension");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("iat", NOW.getEpochSecond() - 60);
        claims.put("exp", NOW.getEpochSecond() - 60 + 12 * 3600);
        claims.put("jti", "0f3c5e1d2b4a69788796a5b4c3d2e1f0");
        claims.put("aud", PUSH_URL);
        claims.put("events", new LinkedHashMap<>(Map.of(DISABLED, event)));
        change.accept(claims);
        return claims;
    }

    static String signed(Map<String, Object> claims) {
        return signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("secevent+jwt"))
                        .keyID("primary")
                        .build(),
                claims,
                loginGovKey);
    }

    static String signed(JWSHeader header, Map<String, Object> claims, KeyPair key) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
            jws.sign(new RSASSASigner(key.getPrivate()));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String handWritten(String headerJson, Map<String, Object> claims, String signature) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8)) + "."
                + signature;
    }

    static SetRejected refused(String token) {
        return assertThrows(SetRejected.class, () -> verifier().verify(token));
    }

    @Test
    void login_gov_token_is_accepted_with_its_legacy_subject() {
        SecurityEvent event = verifier().verify(signed(claims(c -> {})));
        assertEquals("0f3c5e1d2b4a69788796a5b4c3d2e1f0", event.jti());
        assertEquals(SecurityEventType.ACCOUNT_DISABLED, event.type().orElseThrow());
        assertEquals(SUB, event.subject().accountSub().orElseThrow());
        assertFalse(event.subject().toString().contains(SUB), "the sub never reaches a log line");
    }

    @Test
    void the_newer_top_level_sub_id_is_accepted() {
        SecurityEvent event = verifier().verify(signed(claims(c -> {
            c.put("events", Map.of(DISABLED, Map.of()));
            c.put("sub_id", Map.of("format", "iss_sub", "iss", ISSUER, "sub", SUB));
        })));
        assertEquals(SUB, event.subject().accountSub().orElseThrow());
    }

    @Test
    void the_client_id_is_an_accepted_audience() {
        assertEquals(
                SUB,
                verifier()
                        .verify(signed(claims(c -> c.put("aud", CLIENT_ID))))
                        .subject()
                        .accountSub()
                        .orElseThrow());
    }

    @Test
    void a_token_delivered_hours_late_is_still_accepted() {
        SecurityEvent event = verifier().verify(signed(claims(c -> {
            c.put("iat", NOW.getEpochSecond() - 11 * 3600);
            c.put("exp", NOW.getEpochSecond() + 3600);
        })));
        assertEquals(NOW.getEpochSecond() + 3600, event.expiresAt());
    }

    @Test
    void an_unknown_event_type_is_verified_but_has_no_type() {
        SecurityEvent event = verifier()
                .verify(signed(claims(c -> c.put(
                        "events",
                        Map.of(
                                "https://schemas.openid.net/secevent/risc/event-type/credential-compromise",
                                Map.of("subject", Map.of("subject_type", "iss-sub", "iss", ISSUER, "sub", SUB)))))));
        assertTrue(event.type().isEmpty());
        assertEquals("unknown", event.typeName());
    }

    @Test
    void an_email_subject_is_recognised_and_not_read() {
        SecurityEvent event = verifier()
                .verify(signed(claims(c -> c.put(
                        "events",
                        Map.of(
                                SecurityEventType.IDENTIFIER_CHANGED.uri(),
                                Map.of("subject", Map.of("subject_type", "email", "email", "person@example.com")))))));
        assertEquals(EventSubject.Kind.EMAIL, event.subject().kind());
        assertTrue(event.subject().accountSub().isEmpty());
    }

    @Nested
    class Header {

        @Test
        void a_tampered_signature_fails_authentication() {
            String token = signed(claims(c -> {}));
            char last = token.charAt(token.length() - 5);
            String tampered = token.substring(0, token.length() - 5)
                    + (last == 'A' ? 'B' : 'A')
                    + token.substring(token.length() - 4);
            assertEquals(PushErrorCode.AUTHENTICATION_FAILED, refused(tampered).code());
        }

        @Test
        void a_token_signed_by_another_key_fails_authentication() {
            String token = signed(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(new JOSEObjectType("secevent+jwt"))
                            .keyID("primary")
                            .build(),
                    claims(c -> {}),
                    otherKey);
            assertEquals(PushErrorCode.AUTHENTICATION_FAILED, refused(token).code());
        }

        @Test
        void an_unknown_kid_is_an_invalid_key() {
            String token = signed(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(new JOSEObjectType("secevent+jwt"))
                            .keyID("other")
                            .build(),
                    claims(c -> {}),
                    loginGovKey);
            assertEquals(PushErrorCode.INVALID_KEY, refused(token).code());
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
        void alg_none_is_refused(String alg) {
            String token = handWritten("{\"alg\":\"" + alg + "\",\"typ\":\"secevent+jwt\"}", claims(c -> {}), "");
            SetRejected refusal = refused(token);
            assertEquals(PushErrorCode.INVALID_REQUEST, refusal.code());
            assertTrue(refusal.getMessage().contains("RS256 only"));
        }

        @Test
        void hs256_keyed_with_the_public_key_is_refused() throws Exception {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(new JOSEObjectType("secevent+jwt"))
                            .keyID("primary")
                            .build(),
                    new Payload(JSONObjectUtils.toJSONString(claims(c -> {}))));
            jws.sign(new MACSigner(loginGovKey.getPublic().getEncoded()));
            assertTrue(refused(jws.serialize()).getMessage().contains("RS256 only"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"JWT", "at+jwt", ""})
        void another_typ_is_refused(String typ) {
            String token = signed(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(new JOSEObjectType(typ))
                            .keyID("primary")
                            .build(),
                    claims(c -> {}),
                    loginGovKey);
            assertTrue(refused(token).getMessage().contains("typ"));
        }

        @Test
        void a_missing_typ_is_refused_so_an_id_token_never_passes_for_an_event() {
            String token = signed(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("primary").build(), claims(c -> {}), loginGovKey);
            assertTrue(refused(token).getMessage().contains("typ"));
        }

        @Test
        void the_media_type_spelling_of_typ_is_accepted() {
            String token = signed(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(new JOSEObjectType("application/secevent+jwt"))
                            .keyID("primary")
                            .build(),
                    claims(c -> {}),
                    loginGovKey);
            assertEquals(SUB, verifier().verify(token).subject().accountSub().orElseThrow());
        }

        @ParameterizedTest
        @ValueSource(strings = {"a.b", "a.b.c.d.e", "not a jwt", "eyJ.eyJ.=="})
        void what_is_not_a_compact_jws_is_an_invalid_request(String token) {
            assertEquals(PushErrorCode.INVALID_REQUEST, refused(token).code());
        }
    }

    @Nested
    class Claims {

        @Test
        void a_wrong_or_missing_issuer_is_an_invalid_issuer() {
            assertEquals(
                    PushErrorCode.INVALID_ISSUER,
                    refused(signed(claims(c -> c.put("iss", "https://idp.int.identitysandbox.gov"))))
                            .code());
            assertEquals(
                    PushErrorCode.INVALID_ISSUER,
                    refused(signed(claims(c -> c.remove("iss")))).code());
        }

        @Test
        void a_wrong_or_missing_audience_is_an_invalid_audience() {
            assertEquals(
                    PushErrorCode.INVALID_AUDIENCE,
                    refused(signed(claims(c -> c.put("aud", PUSH_URL + "/other"))))
                            .code());
            assertEquals(
                    PushErrorCode.INVALID_AUDIENCE,
                    refused(signed(claims(c -> c.remove("aud")))).code());
            assertEquals(
                    PushErrorCode.INVALID_AUDIENCE,
                    refused(signed(claims(c -> c.put("aud", List.of(PUSH_URL, "https://other.example/")))))
                            .code());
        }

        @Test
        void iat_in_the_future_and_missing_iat_are_refused() {
            assertTrue(refused(signed(claims(c -> c.put("iat", NOW.getEpochSecond() + 60))))
                    .getMessage()
                    .contains("iat is in the future"));
            assertTrue(
                    refused(signed(claims(c -> c.remove("iat")))).getMessage().contains("iat"));
            assertTrue(refused(signed(claims(c -> c.put("iat", "now"))))
                    .getMessage()
                    .contains("iat"));
        }

        @Test
        void iat_within_the_clock_skew_is_accepted() {
            verifier().verify(signed(claims(c -> c.put("iat", NOW.getEpochSecond() + 5))));
        }

        @Test
        void an_expired_or_missing_exp_is_refused() {
            assertTrue(refused(signed(claims(c -> c.put("exp", NOW.getEpochSecond() - 11))))
                    .getMessage()
                    .contains("expired"));
            assertTrue(
                    refused(signed(claims(c -> c.remove("exp")))).getMessage().contains("exp"));
        }

        @Test
        void an_exp_far_beyond_login_gov_lifetime_is_refused() {
            assertTrue(refused(signed(claims(c -> c.put("exp", NOW.getEpochSecond() + 30L * 24 * 3600))))
                    .getMessage()
                    .contains("further ahead"));
        }

        @Test
        void a_missing_or_oversized_jti_is_refused() {
            assertTrue(
                    refused(signed(claims(c -> c.remove("jti")))).getMessage().contains("jti"));
            assertTrue(refused(signed(claims(c -> c.put("jti", "x".repeat(257)))))
                    .getMessage()
                    .contains("jti"));
            assertTrue(refused(signed(claims(c -> c.put("jti", 12345))))
                    .getMessage()
                    .contains("jti"));
        }

        @Test
        void two_events_or_none_are_refused() {
            assertTrue(refused(signed(claims(c -> ((Map<String, Object>) c.get("events"))
                            .put(SecurityEventType.PASSWORD_RESET.uri(), Map.of()))))
                    .getMessage()
                    .contains("exactly one event"));
            assertTrue(refused(signed(claims(c -> c.put("events", Map.of()))))
                    .getMessage()
                    .contains("exactly one event"));
            assertTrue(refused(signed(claims(c -> c.remove("events"))))
                    .getMessage()
                    .contains("exactly one event"));
        }

        @Test
        void a_subject_of_another_issuer_is_refused() {
            assertTrue(refused(signed(claims(c -> c.put(
                            "events",
                            Map.of(
                                    DISABLED,
                                    Map.of(
                                            "subject",
                                            Map.of(
                                                    "subject_type",
                                                    "iss-sub",
                                                    "iss",
                                                    "https://other.example/",
                                                    "sub",
                                                    SUB)))))))
                    .getMessage()
                    .contains("subject's iss"));
        }

        @Test
        void no_subject_or_disagreeing_subjects_are_refused() {
            assertTrue(refused(signed(claims(c -> c.put("events", Map.of(DISABLED, Map.of())))))
                    .getMessage()
                    .contains("no subject"));
            assertTrue(refused(signed(claims(
                            c -> c.put("sub_id", Map.of("format", "iss_sub", "iss", ISSUER, "sub", "another-sub")))))
                    .getMessage()
                    .contains("different subjects"));
        }

        @Test
        void no_description_quotes_a_claim() {
            SetRejected refusal = refused(signed(claims(c -> c.put("iss", "https://evil.example/<script>"))));
            assertFalse(refusal.getMessage().contains("evil"));
        }
    }
}
