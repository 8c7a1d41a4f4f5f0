package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SecurityEventPush;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * A hostile or broken push to the security-event URL, against a real Keycloak: every variant of a
 * genuine account-disabled token is answered 400 with RFC 8935's error code, a description with
 * nothing personal in it, and the signed-in person untouched; URLs of providers that do not receive
 * events answer a 404 that reveals nothing.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class HostileSecurityEventsTest extends BrokerIntegrationTest {

    SecurityEventPush push;
    String userId;
    String sub;

    @BeforeEach
    void signedInPerson() {
        realm = realmOfThisClass("hostile-signals", Registration.VERIFIED);
        realm.reset("verified");
        push = new SecurityEventPush(realm, simulator);
        new SignInFlow(realm).signInClaims(Map.of());
        userId = realm.resource().users().list().get(0).getId();
        sub = simulator.subjectOf("verified", realm.loginGovClientId());
    }

    /** A token variant: built from production's claims and header, or written by hand. */
    record Variant(
            String name, String err, String reason, Function<HostileSecurityEventsTest, HttpResponse<String>> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    Map<String, Object> claims() {
        return push.claims("verified", SecurityEventType.ACCOUNT_DISABLED, BrokerRealm.ALIAS);
    }

    HttpResponse<String> signedClaims(Function<Map<String, Object>, Map<String, Object>> change) {
        return push.post(push.sign(push.header(), change.apply(claims())));
    }

    HttpResponse<String> signedHeader(JWSHeader header) {
        return push.post(push.sign(header, claims()));
    }

    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    static Map<String, Object> without(Map<String, Object> claims, String name) {
        claims.remove(name);
        return claims;
    }

    JWSHeader.Builder production() {
        return new JWSHeader.Builder(push.header());
    }

    String unsigned(String alg) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"secevent+jwt\",\"kid\":\""
                                + push.header().getKeyID() + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                + "."
                + encoder.encodeToString(JSONObjectUtils.toJSONString(claims()).getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    String hs256() {
        try {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(new JOSEObjectType("secevent+jwt"))
                            .keyID(push.header().getKeyID())
                            .build(),
                    new Payload(JSONObjectUtils.toJSONString(claims())));
            jws.sign(new MACSigner(
                    simulator.securityEvents().publicKey().toRSAPublicKey().getEncoded()));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String tampered() {
        String token = push.sign(push.header(), claims());
        int at = token.lastIndexOf('.') + 5;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("wrong signature", "authentication_failed", "signature", t -> t.push.post(t.tampered())),
                new Variant("alg none", "invalid_request", "RS256 only", t -> t.push.post(t.unsigned("none"))),
                new Variant("alg None", "invalid_request", "RS256 only", t -> t.push.post(t.unsigned("None"))),
                new Variant(
                        "HS256 keyed with the public key",
                        "invalid_request",
                        "RS256 only",
                        t -> t.push.post(t.hs256())),
                new Variant(
                        "typ JWT",
                        "invalid_request",
                        "typ",
                        t -> t.signedHeader(
                                t.production().type(JOSEObjectType.JWT).build())),
                new Variant(
                        "no typ",
                        "invalid_request",
                        "typ",
                        t -> t.signedHeader(t.production().type(null).build())),
                new Variant(
                        "wrong iss",
                        "invalid_issuer",
                        "iss",
                        t -> t.signedClaims(c -> with(c, "iss", "https://idp.int.identitysandbox.gov/"))),
                new Variant("no iss", "invalid_issuer", "iss", t -> t.signedClaims(c -> without(c, "iss"))),
                new Variant(
                        "wrong aud",
                        "invalid_audience",
                        "aud",
                        t -> t.signedClaims(c -> with(c, "aud", t.realm.pushUrl("another-alias")))),
                new Variant("no aud", "invalid_audience", "aud", t -> t.signedClaims(c -> without(c, "aud"))),
                new Variant(
                        "iat in the future",
                        "invalid_request",
                        "iat",
                        t -> t.signedClaims(c -> with(c, "iat", now() + 3600))),
                new Variant("no iat", "invalid_request", "iat", t -> t.signedClaims(c -> without(c, "iat"))),
                new Variant(
                        "expired",
                        "invalid_request",
                        "expired",
                        t -> t.signedClaims(c -> with(with(c, "iat", now() - 13 * 3600), "exp", now() - 3600))),
                new Variant("no exp", "invalid_request", "exp", t -> t.signedClaims(c -> without(c, "exp"))),
                new Variant("no jti", "invalid_request", "jti", t -> t.signedClaims(c -> without(c, "jti"))),
                new Variant(
                        "jti too long",
                        "invalid_request",
                        "jti",
                        t -> t.signedClaims(c -> with(c, "jti", "a".repeat(300)))),
                new Variant(
                        "two events",
                        "invalid_request",
                        "exactly one event",
                        t -> t.signedClaims(c -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> events = (Map<String, Object>) c.get("events");
                            events.put(
                                    SecurityEventType.PASSWORD_RESET.uri(),
                                    events.values().iterator().next());
                            return c;
                        })),
                new Variant(
                        "oversized body",
                        "invalid_request",
                        "longer than",
                        t -> t.signedClaims(c -> with(c, "padding", "x".repeat(20_000)))),
                new Variant(
                        "wrong content type",
                        "invalid_request",
                        "content type",
                        t -> t.push.post(
                                BrokerRealm.ALIAS, "application/jwt", t.push.sign(t.push.header(), t.claims()))),
                new Variant(
                        "no content type",
                        "invalid_request",
                        "content type",
                        t -> t.push.post(BrokerRealm.ALIAS, null, t.push.sign(t.push.header(), t.claims()))),
                new Variant("not a JWT", "invalid_request", "JWT", t -> t.push.post("hello")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void a_bad_token_is_refused_with_rfc_8935_error_and_changes_nothing(Variant variant) {
        HttpResponse<String> response = variant.send().apply(this);

        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = SecurityEventPush.body(response);
        assertEquals(variant.err(), body.get("err").asText(), response.body());
        String description = body.get("description").asText();
        assertTrue(description.contains(variant.reason()), description);
        assertFalse(description.contains(sub), "no subject in the answer");
        assertTrue(realm.resource().users().get(userId).toRepresentation().isEnabled());
        assertEquals(1, realm.resource().users().get(userId).getUserSessions().size());
        assertTrue(push.recorded().isEmpty(), "a refused token is not recorded as a security event");
        assertTrue(
                ServerLog.content()
                        .lines()
                        .filter(line -> line.contains("security event"))
                        .noneMatch(line -> line.contains(sub)),
                "the sub never reaches the receiver's log lines");
    }

    @Test
    void an_event_for_one_alias_never_touches_a_user_linked_only_through_another() {
        realm.addSecondProvider("logingov-second", Map.of("logingovSecurityEvents", "true"));
        // A genuine token for the second provider's push URL, naming the sub of the user's link to the first.
        Map<String, Object> claims = push.claims("verified", SecurityEventType.ACCOUNT_DISABLED, "logingov-second");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>)
                ((Map<String, Object>) claims.get("events")).get(SecurityEventType.ACCOUNT_DISABLED.uri());
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) event.get("subject");
        subject.put("sub", sub);

        HttpResponse<String> response =
                push.post("logingov-second", "application/secevent+jwt", push.sign(push.header(), claims));

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(push.recorded((String) claims.get("jti"), "no-linked-user").isPresent());
        assertTrue(realm.resource().users().get(userId).toRepresentation().isEnabled());
        assertEquals(1, realm.resource().users().get(userId).getUserSessions().size());
    }

    @Test
    void unknown_alias_other_provider_type_and_events_off_answer_the_same_404() {
        realm.addSecondProvider("logingov-quiet", Map.of("logingovSecurityEvents", "false"));
        if (realm.resource().identityProviders().findAll().stream()
                .noneMatch(p -> p.getAlias().equals("plain-oidc"))) {
            IdentityProviderRepresentation oidc = new IdentityProviderRepresentation();
            oidc.setAlias("plain-oidc");
            oidc.setProviderId("oidc");
            oidc.setConfig(Map.of(
                    "clientId", "x",
                    "clientSecret", "x",
                    "authorizationUrl", "https://idp.example/auth",
                    "tokenUrl", "https://idp.example/token"));
            realm.resource().identityProviders().create(oidc).close();
        }
        String token = push.sign(push.header(), claims());

        List<HttpResponse<String>> answers = Stream.of("no-such-alias", "plain-oidc", "logingov-quiet")
                .map(alias -> push.post(alias, "application/secevent+jwt", token))
                .toList();

        for (HttpResponse<String> answer : answers) {
            assertEquals(404, answer.statusCode(), answer.body());
            assertEquals(answers.get(0).body(), answer.body(), "nothing tells the three apart");
        }
        assertTrue(realm.resource().users().get(userId).toRepresentation().isEnabled());
    }
}
