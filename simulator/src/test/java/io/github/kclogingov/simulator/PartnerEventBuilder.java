package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.github.kclogingov.protocol.FraudEventType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A security event as a partner sends it to Login.gov, valid (RS256 by {@link TestClients#KEY_A},
 * {@code typ: secevent+jwt}, the claims the partner documentation asks for) unless a test changes
 * one thing; real signatures, no mocks.
 */
final class PartnerEventBuilder {
    static final String AUTHORIZATION_FRAUD = FraudEventType.AUTHORIZATION_FRAUD_DETECTED.uri();
    static final String IDENTITY_FRAUD = FraudEventType.IDENTITY_FRAUD_DETECTED.uri();

    private final LoginGovSimulator simulator;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> events = new LinkedHashMap<>();
    private SelfSignedKey key = TestClients.KEY_A;
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private String typ = PartnerEventForm.TYP;

    private PartnerEventBuilder(LoginGovSimulator simulator, String clientId, String personaId, String type) {
        this.simulator = simulator;
        claims.put("iss", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", simulator.now().getEpochSecond());
        claims.put("aud", simulator.partnerEventsUrl());
        claims.put("events", events);
        event(type, subject(simulator.subjectOf(personaId, clientId)));
    }

    /** From the confidential test client, about the persona, of the type (a URI). */
    static PartnerEventBuilder of(LoginGovSimulator simulator, String personaId, String type) {
        return new PartnerEventBuilder(simulator, TestClients.CONFIDENTIAL, personaId, type);
    }

    static PartnerEventBuilder from(LoginGovSimulator simulator, String clientId, String personaId, String type) {
        return new PartnerEventBuilder(simulator, clientId, personaId, type);
    }

    Map<String, Object> subject(String sub) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject_type", "iss-sub");
        subject.put("iss", simulator.issuer());
        subject.put("sub", sub);
        return subject;
    }

    /** Adds (or replaces) an event of {@code type} with this subject. */
    PartnerEventBuilder event(String type, Map<String, Object> subject) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("subject", subject);
        events.put(type, event);
        return this;
    }

    /** The first event's members, to change one (e.g. {@code occurred_at}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> firstEvent() {
        return (Map<String, Object>) events.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    PartnerEventBuilder subjectMember(String name, Object value) {
        ((Map<String, Object>) firstEvent().get("subject")).put(name, value);
        return this;
    }

    PartnerEventBuilder noEvents() {
        events.clear();
        return this;
    }

    /** A top-level claim; null removes it. */
    PartnerEventBuilder claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    String jti() {
        return (String) claims.get("jti");
    }

    PartnerEventBuilder key(SelfSignedKey newKey) {
        this.key = newKey;
        return this;
    }

    PartnerEventBuilder algorithm(JWSAlgorithm newAlgorithm) {
        this.algorithm = newAlgorithm;
        return this;
    }

    /** The header's typ; null: none. */
    PartnerEventBuilder typ(String newTyp) {
        this.typ = newTyp;
        return this;
    }

    String sign() {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(claims));
        try {
            JWSSigner signer = JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)
                    ? new MACSigner("a-shared-secret-of-at-least-256-bits-for-hs256".getBytes())
                    : new RSASSASigner(key.privateKey());
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    HttpResponse<String> send() {
        return post(simulator, sign());
    }

    /** POSTs a body as a partner does, {@code Content-Type: application/secevent+jwt}. */
    static HttpResponse<String> post(LoginGovSimulator simulator, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(simulator.partnerEventsUrl()))
                .header("Content-Type", "application/secevent+jwt")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
