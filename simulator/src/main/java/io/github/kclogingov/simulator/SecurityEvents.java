package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.kclogingov.protocol.SecurityEventTokens;
import io.github.kclogingov.protocol.SecurityEventType;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Login.gov's security events, sent as production sends them: one Security Event Token per service
 * provider that has a push URL, signed RS256 by the id_token key ({@code typ: secevent+jwt}), with
 * {@code iss} (trailing slash), {@code iat}, {@code exp} = {@code iat} + 12 h, a 32-hex {@code jti},
 * {@code aud} = the push URL, and exactly one event whose subject is the legacy {@code iss-sub}
 * form nested in it (an email subject for the two identifier events). Delivery follows {@link
 * SecurityEventPusher}. For tests, {@link #claims} and {@link #sign} build variants to send by hand.
 */
public final class SecurityEvents {
    private static final System.Logger LOG = System.getLogger(SecurityEvents.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatorContext context;
    private final SecurityEventPusher pusher = new SecurityEventPusher();

    SecurityEvents(SimulatorContext context) {
        this.context = context;
    }

    /**
     * The event for {@code personaId}, pushed to every service provider with a push URL (Login.gov
     * sends it to each one the person has used; here, to each that registered a push URL).
     */
    public List<SecurityEventDelivery> send(String personaId, SecurityEventType type) {
        List<SecurityEventDelivery> deliveries = new ArrayList<>();
        for (ServiceProvider serviceProvider : context.serviceProviders()) {
            if (serviceProvider.pushUrl().isPresent()) {
                deliveries.add(send(personaId, type, serviceProvider.clientId()));
            }
        }
        return deliveries;
    }

    /**
     * The event for {@code personaId}, pushed to one service provider's push URL.
     *
     * @throws IllegalArgumentException for an unknown persona or client, or a client without a push URL
     */
    public SecurityEventDelivery send(String personaId, SecurityEventType type, String clientId) {
        ServiceProvider serviceProvider = serviceProvider(clientId);
        String url = serviceProvider
                .pushUrl()
                .orElseThrow(() -> new IllegalArgumentException("Service provider " + clientId + " has no push URL"));
        Map<String, Object> claims = claims(personaId, type, clientId);
        String token = sign(header(), claims);
        Instant sentAt = context.clock.instant();
        SecurityEventPusher.Answer answer = pusher.push(url, token);
        SecurityEventDelivery delivery = new SecurityEventDelivery(
                clientId,
                url,
                type.shortName(),
                personaId,
                (String) claims.get("jti"),
                token,
                answer.attempts(),
                answer.status(),
                answer.body(),
                sentAt);
        context.recorder.record(delivery);
        LOG.log(
                Level.INFO,
                "security event {0} for persona {1} to {2}: HTTP {3} after {4} attempt(s)",
                type.shortName(),
                personaId,
                clientId,
                answer.status(),
                answer.attempts());
        return delivery;
    }

    /** The claims production would send to {@code clientId} about {@code personaId}: a fresh {@code jti} each call. */
    public Map<String, Object> claims(String personaId, SecurityEventType type, String clientId) {
        Persona persona =
                context.persona(personaId).orElseThrow(() -> new IllegalArgumentException("No persona " + personaId));
        ServiceProvider serviceProvider = serviceProvider(clientId);
        long iat = context.clock.instant().getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(SecurityEventTokens.SUBJECT, subject(persona, type, clientId));
        if (type == SecurityEventType.ACCOUNT_DISABLED) {
            event.put(SecurityEventTokens.REASON, SecurityEventTokens.REASON_ACCOUNT_SUSPENSION);
        }
        Map<String, Object> events = new LinkedHashMap<>();
        events.put(type.uri(), event);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", context.endpoints.issuer());
        claims.put("iat", iat);
        claims.put("exp", iat + SecurityEventTokens.LIFETIME.getSeconds());
        claims.put("jti", newJti());
        claims.put("aud", serviceProvider.pushUrl().orElse(clientId));
        claims.put(SecurityEventTokens.EVENTS, events);
        return claims;
    }

    /** Production's header: {@code typ: secevent+jwt}, RS256, the primary key's {@code kid}. */
    public JWSHeader header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(SecurityEventTokens.TYPE))
                .keyID(context.keys.primary().getKeyID())
                .build();
    }

    /** Signs {@code claims} under {@code header} with the id_token key, whatever the header says (for hostile variants). */
    public String sign(JWSHeader header, Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
            jws.sign(new RSASSASigner(context.keys.primary()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the security event", e);
        }
    }

    /** The id_token key's public part, as the JWKS publishes it (an HS256 forgery is keyed with it). */
    public RSAKey publicKey() {
        return context.keys.primary().toPublicJWK();
    }

    private Map<String, Object> subject(Persona persona, SecurityEventType type, String clientId) {
        Map<String, Object> subject = new LinkedHashMap<>();
        if (type.subjectKind() == SecurityEventType.SubjectKind.EMAIL) {
            subject.put(SecurityEventTokens.SUBJECT_TYPE, SecurityEventTokens.EMAIL);
            subject.put(SecurityEventTokens.EMAIL, persona.email());
            return subject;
        }
        subject.put(SecurityEventTokens.SUBJECT_TYPE, SecurityEventTokens.LEGACY_ISS_SUB);
        subject.put("iss", context.endpoints.issuer());
        subject.put("sub", Grant.pairwiseSubject(persona.id(), clientId));
        return subject;
    }

    private ServiceProvider serviceProvider(String clientId) {
        return context.serviceProvider(clientId)
                .orElseThrow(() -> new IllegalArgumentException("No service provider " + clientId));
    }

    private static String newJti() {
        byte[] bytes = new byte[SecurityEventTokens.JTI_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
