package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code POST api/risc/security_events}: the security events a partner sends to Login.gov, checked
 * and answered as identity-idp's {@code SecurityEventForm} does: 202, or 400 with the code of the
 * last check that set one and every message.
 */
class PartnerEventsTest {
    private static final String UNKNOWN_TYPE = "https://schemas.login.gov/secevent/risc/event-type/account-hijacked";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private PartnerEventBuilder event(String type) {
        return PartnerEventBuilder.of(simulator, "verified", type);
    }

    private static void assertRefused(HttpResponse<String> response, String err, String description) {
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(Map.of("err", err, "description", description), Http.json(response));
    }

    private ReceivedPartnerEvent last() {
        List<ReceivedPartnerEvent> events = simulator.recorder().partnerEvents();
        return events.get(events.size() - 1);
    }

    @Nested
    class Accepted {
        @Test
        void authorization_fraud_is_202_without_a_body_recorded_and_resets_the_password() {
            PartnerEventBuilder event = event(PartnerEventBuilder.AUTHORIZATION_FRAUD);
            event.firstEvent().put("occurred_at", 1_700_000_000L);

            HttpResponse<String> response = event.send();

            assertEquals(202, response.statusCode(), response::body);
            assertEquals("", response.body());
            ReceivedPartnerEvent recorded = last();
            assertTrue(recorded.accepted());
            assertEquals(TestClients.CONFIDENTIAL, recorded.clientId());
            assertEquals(event.jti(), recorded.jti());
            assertEquals(PartnerEventBuilder.AUTHORIZATION_FRAUD, recorded.eventType());
            assertEquals(simulator.subjectOf("verified", TestClients.CONFIDENTIAL), recorded.sub());
            assertEquals("verified", recorded.personaId());
            assertEquals(1_700_000_000L, recorded.occurredAt());
            assertEquals("application/secevent+jwt", recorded.contentType());
            assertNull(recorded.err());
            assertTrue(simulator.passwordResetRequired("verified"));
            assertFalse(simulator.passwordResetRequired("auth-only"));
        }

        @Test
        void identity_fraud_is_202_and_recorded_only() {
            HttpResponse<String> response =
                    event(PartnerEventBuilder.IDENTITY_FRAUD).send();

            assertEquals(202, response.statusCode(), response::body);
            assertEquals(PartnerEventBuilder.IDENTITY_FRAUD, last().eventType());
            assertNull(last().occurredAt());
            assertFalse(simulator.passwordResetRequired("verified"));
        }

        @Test
        void any_registered_certificate_verifies_the_signature() {
            assertEquals(
                    202,
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .key(TestClients.KEY_B)
                            .send()
                            .statusCode());
        }

        @Test
        void the_known_type_is_taken_even_after_an_unknown_one_and_the_other_is_ignored() {
            PartnerEventBuilder event =
                    event(PartnerEventBuilder.IDENTITY_FRAUD).noEvents();
            event.event(UNKNOWN_TYPE, Map.of("subject", "anything"));
            event.event(
                    PartnerEventBuilder.IDENTITY_FRAUD,
                    event.subject(simulator.subjectOf("verified", TestClients.CONFIDENTIAL)));

            assertEquals(202, event.send().statusCode());
            assertEquals(PartnerEventBuilder.IDENTITY_FRAUD, last().eventType());
        }

        @Test
        void the_same_jti_about_another_person_or_from_another_client_is_no_duplicate() {
            PartnerEventBuilder first = event(PartnerEventBuilder.IDENTITY_FRAUD);
            assertEquals(202, first.send().statusCode());

            PartnerEventBuilder otherPerson = PartnerEventBuilder.of(
                            simulator, "auth-only", PartnerEventBuilder.IDENTITY_FRAUD)
                    .claim("jti", first.jti());
            assertEquals(202, otherPerson.send().statusCode());
            PartnerEventBuilder otherClient = PartnerEventBuilder.from(
                            simulator, TestClients.IALMAX, "verified", PartnerEventBuilder.IDENTITY_FRAUD)
                    .claim("jti", first.jti());
            assertEquals(202, otherClient.send().statusCode());
        }
    }

    @Nested
    class Refused {
        @Test
        void a_body_that_is_no_jwt_is_jwt_parse_with_every_message() {
            HttpResponse<String> response = PartnerEventBuilder.post(simulator, "bbb.bbb.bbb");

            assertRefused(
                    response,
                    "jwtParse",
                    "Iss invalid issuer, Event type missing event, Subject type subject_type must be iss-sub, Sub"
                            + " invalid event.subject.sub claim, Jti jti claim is required, Jwt could not parse JWT");
            assertEquals("jwtParse", last().err());
            assertEquals(400, last().status());
        }

        @Test
        void a_signature_no_registered_certificate_verifies_is_jws() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .key(TestClients.UNREGISTERED)
                            .send(),
                    "jws",
                    "Jwt Signature verification failed");
        }

        @Test
        void a_client_without_certificates_is_jws() {
            assertRefused(
                    PartnerEventBuilder.from(
                                    simulator, TestClients.PUBLIC, "verified", PartnerEventBuilder.IDENTITY_FRAUD)
                            .send(),
                    "jws",
                    "Jwt could not load public key for issuer");
        }

        @Test
        void an_unknown_issuer_is_jws_as_no_key_can_be_found_for_it() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("iss", "urn:gov:gsa:openidconnect.profiles:sp:sso:test:unknown")
                            .send(),
                    "jws",
                    "Iss invalid issuer, Sub invalid event.subject.sub claim, Jwt could not load public key for"
                            + " issuer");
        }

        @Test
        void another_algorithm_than_rs256_is_jwt_crypto() {
            for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
                assertRefused(
                        event(PartnerEventBuilder.IDENTITY_FRAUD)
                                .algorithm(algorithm)
                                .send(),
                        "jwtCrypto",
                        "Jwt unsupported algorithm, must be signed with RS256");
            }
        }

        @Test
        void an_unsigned_token_is_jwt_crypto() {
            PlainObject unsigned = new PlainObject(
                    new PlainHeader.Builder()
                            .type(new JOSEObjectType(PartnerEventForm.TYP))
                            .build(),
                    new Payload(JoseText.payloadText(
                            event(PartnerEventBuilder.IDENTITY_FRAUD).sign())));

            assertRefused(
                    PartnerEventBuilder.post(simulator, unsigned.serialize()),
                    "jwtCrypto",
                    "Jwt unsupported algorithm, must be signed with RS256");
        }

        @Test
        void an_audience_other_than_the_endpoint_is_jwt_aud() {
            String expected = "Aud invalid aud claim, expected " + simulator.partnerEventsUrl();
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("aud", simulator.issuer())
                            .send(),
                    "jwtAud",
                    expected);
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("aud", List.of(simulator.partnerEventsUrl()))
                            .send(),
                    "jwtAud",
                    expected);
        }

        @Test
        void a_typ_other_than_secevent_jwt_is_jwt_hdr() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD).typ("JWT").send(),
                    "jwtHdr",
                    "Typ typ header must be secevent+jwt");
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD).typ(null).send(),
                    "jwtHdr",
                    "Typ typ header must be secevent+jwt");
        }

        @Test
        void a_jti_accepted_before_from_the_client_about_the_person_is_dup() {
            PartnerEventBuilder event = event(PartnerEventBuilder.IDENTITY_FRAUD);
            assertEquals(202, event.send().statusCode());

            assertRefused(event.send(), "dup", "Jti jti was not unique");
            assertEquals(2, simulator.recorder().partnerEvents().size());
        }

        @Test
        void an_unknown_event_type_is_set_type() {
            assertRefused(event(UNKNOWN_TYPE).send(), "setType", "Event type unsupported event type " + UNKNOWN_TYPE);
        }
    }

    @Nested
    class Refused_as_set_data {
        @Test
        void an_exp_claim() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("exp", simulator.now().getEpochSecond() + 300)
                            .send(),
                    "setData",
                    "Exp SET events must not have an exp claim");
        }

        @Test
        void a_top_level_sub() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("sub", simulator.subjectOf("verified", TestClients.CONFIDENTIAL))
                            .send(),
                    "setData",
                    "Sub top-level sub claim is not accepted");
        }

        @Test
        void a_subject_type_other_than_iss_sub() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .subjectMember("subject_type", "email")
                            .send(),
                    "setData",
                    "Subject type subject_type must be iss-sub");
        }

        @Test
        void a_sub_no_persona_has_at_that_client() {
            for (String sub : List.of("aaa", simulator.subjectOf("verified", TestClients.IALMAX))) {
                assertRefused(
                        event(PartnerEventBuilder.IDENTITY_FRAUD)
                                .subjectMember("sub", sub)
                                .send(),
                        "setData",
                        "Sub invalid event.subject.sub claim");
            }
        }

        @Test
        void no_jti() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD).claim("jti", null).send(),
                    "setData",
                    "Jti jti claim is required");
        }

        @Test
        void no_event() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD).noEvents().send(),
                    "setData",
                    "Event type missing event, Subject type subject_type must be iss-sub, Sub invalid"
                            + " event.subject.sub claim");
        }
    }

    @Nested
    class Precedence {
        @Test
        void the_last_check_that_sets_a_code_wins_and_every_message_is_listed_in_order() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("aud", "https://bad.example")
                            .typ("JWT")
                            .send(),
                    "jwtHdr",
                    "Aud invalid aud claim, expected " + simulator.partnerEventsUrl()
                            + ", Typ typ header must be secevent+jwt");
            assertRefused(
                    event(UNKNOWN_TYPE).key(TestClients.UNREGISTERED).send(),
                    "jws",
                    "Event type unsupported event type " + UNKNOWN_TYPE + ", Jwt Signature verification failed");
        }

        @Test
        void a_duplicate_signed_with_another_algorithm_is_jwt_crypto() {
            PartnerEventBuilder event = event(PartnerEventBuilder.IDENTITY_FRAUD);
            assertEquals(202, event.send().statusCode());

            assertRefused(
                    event.algorithm(JWSAlgorithm.HS256).send(),
                    "jwtCrypto",
                    "Jti jti was not unique, Jwt unsupported algorithm, must be signed with RS256");
        }

        @Test
        void a_message_without_a_code_does_not_replace_an_earlier_code() {
            assertRefused(
                    event(PartnerEventBuilder.IDENTITY_FRAUD)
                            .claim("aud", "https://bad.example")
                            .claim("exp", 1L)
                            .send(),
                    "jwtAud",
                    "Aud invalid aud claim, expected " + simulator.partnerEventsUrl()
                            + ", Exp SET events must not have an exp claim");
        }
    }
}
