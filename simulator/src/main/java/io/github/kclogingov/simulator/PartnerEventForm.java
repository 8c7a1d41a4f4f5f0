package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.FraudEventType;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks identity-idp's {@code SecurityEventForm} makes of a security event a partner sends:
 * every check runs, in its order (iss, aud, event type, subject_type, sub, typ, exp, jti, then the
 * signature), each failure adds a message, and the error code is the one set by the last check that
 * sets one ({@code jwtAud}, {@code setType}, {@code jwtHdr}, {@code dup}, {@code jwtCrypto} or
 * {@code jws}), {@code jwtParse} when the body is no JWT, {@code setData} when no check set one.
 * The description joins the messages as Rails' {@code full_messages} does: the attribute's name in
 * words, then the message, separated by ", ". Over 200 lines because the checks only make sense
 * together: their order decides the code, so they stay in one place, in identity-idp's order.
 */
final class PartnerEventForm {
    static final String JWT_PARSE = "jwtParse";
    static final String JWS = "jws";
    static final String JWT_CRYPTO = "jwtCrypto";
    static final String JWT_AUD = "jwtAud";
    static final String JWT_HDR = "jwtHdr";
    static final String DUP = "dup";
    static final String SET_TYPE = "setType";
    static final String SET_DATA = "setData";

    static final String TYP = "secevent+jwt";
    static final String SUBJECT_TYPE = "iss-sub";

    /** What the form looks up: Login.gov's service providers, identities and recorded events. */
    interface Registry {
        Optional<ServiceProvider> serviceProvider(String clientId);

        /** The persona whose pairwise {@code sub} at {@code clientId} this is. */
        Optional<Persona> personaWithSubject(String clientId, String sub);

        /** Whether an event with this jti from this client about this persona was accepted before. */
        boolean alreadyAccepted(String clientId, String jti, String personaId);
    }

    /**
     * What was received and the answer: {@code err} null when the event is accepted.
     *
     * @param eventType the events key identity-idp takes as the type (a known one first), or null
     * @param type that key as a known type, or null
     * @param persona whose {@code sub} the event named, or null when none matches
     * @param occurredAt the event's {@code occurred_at} when it is a number, or null
     */
    record Result(
            String err,
            String description,
            String clientId,
            String jti,
            String eventType,
            FraudEventType type,
            String sub,
            Persona persona,
            Long occurredAt) {
        boolean accepted() {
            return err == null;
        }
    }

    private final Registry registry;
    private final String endpointUrl;
    private final List<String> messages = new ArrayList<>();
    private Map<String, Object> header = Map.of();
    private Map<String, Object> payload = Map.of();
    private CompactJwt jwt;
    private String code;

    private PartnerEventForm(Registry registry, String endpointUrl) {
        this.registry = registry;
        this.endpointUrl = endpointUrl;
    }

    /** Checks one request body; {@code endpointUrl} is the only {@code aud} accepted. */
    static Result check(String body, Registry registry, String endpointUrl) {
        return new PartnerEventForm(registry, endpointUrl).run(body);
    }

    private Result run(String body) {
        Optional<CompactJwt> parsed = CompactJwt.parse(body);
        if (parsed.isPresent()) {
            jwt = parsed.get();
            header = jwt.header();
            payload = jwt.payload();
        } else {
            code = JWT_PARSE;
        }
        ServiceProvider serviceProvider =
                text(payload.get("iss")).flatMap(registry::serviceProvider).orElse(null);
        String eventType = eventType();
        Map<String, Object> event = eventType == null ? Map.of() : object(events().get(eventType));
        Map<String, Object> subject = object(event.get("subject"));
        Persona persona = event.isEmpty() || serviceProvider == null
                ? null
                : text(subject.get("sub"))
                        .flatMap(sub -> registry.personaWithSubject(serviceProvider.clientId(), sub))
                        .orElse(null);
        Optional<FraudEventType> type = FraudEventType.fromUri(eventType);

        if (serviceProvider == null) {
            add("Iss", "invalid issuer");
        }
        if (!payload.isEmpty() && !endpointUrl.equals(payload.get("aud"))) {
            add("Aud", "invalid aud claim, expected " + endpointUrl);
            code = JWT_AUD;
        }
        if (!present(eventType)) {
            add("Event type", "missing event");
        } else if (type.isEmpty()) {
            add("Event type", "unsupported event type " + eventType);
            code = SET_TYPE;
        }
        if (!SUBJECT_TYPE.equals(subject.get("subject_type"))) {
            add("Subject type", "subject_type must be " + SUBJECT_TYPE);
        }
        if (present(payload.get("sub"))) {
            add("Sub", "top-level sub claim is not accepted");
        }
        if (persona == null) {
            add("Sub", "invalid event.subject.sub claim");
        }
        if (!header.isEmpty() && !TYP.equals(header.get("typ"))) {
            add("Typ", "typ header must be " + TYP);
            code = JWT_HDR;
        }
        if (present(payload.get("exp"))) {
            add("Exp", "SET events must not have an exp claim");
        }
        String jti = present(payload.get("jti")) ? String.valueOf(payload.get("jti")) : null;
        checkJti(jti, serviceProvider, persona);
        checkSignature(serviceProvider);

        return new Result(
                messages.isEmpty() ? null : code == null ? SET_DATA : code,
                messages.isEmpty() ? null : String.join(", ", messages),
                text(payload.get("iss")).orElse(null),
                jti,
                eventType,
                type.orElse(null),
                text(subject.get("sub")).orElse(null),
                persona,
                event.get("occurred_at") instanceof Number number ? number.longValue() : null);
    }

    private void checkJti(String jti, ServiceProvider serviceProvider, Persona persona) {
        if (jti == null) {
            add("Jti", "jti claim is required");
            return;
        }
        if (serviceProvider != null
                && persona != null
                && registry.alreadyAccepted(serviceProvider.clientId(), jti, persona.id())) {
            add("Jti", "jti was not unique");
            code = DUP;
        }
    }

    private void checkSignature(ServiceProvider serviceProvider) {
        if (jwt == null) {
            add("Jwt", "could not parse JWT");
            return;
        }
        List<X509Certificate> certificates = serviceProvider == null ? List.of() : serviceProvider.certificates();
        switch (PartnerEventSignature.check(jwt, certificates)) {
            case VERIFIED -> {
                // Signed by a key the partner registered.
            }
            case WRONG_ALGORITHM -> {
                add("Jwt", "unsupported algorithm, must be signed with " + PartnerEventSignature.ALGORITHM);
                code = JWT_CRYPTO;
            }
            case NOT_VERIFIED -> {
                add("Jwt", "Signature verification failed");
                code = JWS;
            }
            case NO_KEY -> {
                add("Jwt", "could not load public key for issuer");
                code = JWS;
            }
        }
    }

    /** The first key of {@code events} that names a known type, else its first key; null without events. */
    private String eventType() {
        String first = null;
        for (String key : events().keySet()) {
            if (FraudEventType.fromUri(key).isPresent()) {
                return key;
            }
            first = first == null ? key : first;
        }
        return first;
    }

    private Map<String, Object> events() {
        return object(payload.get("events"));
    }

    private void add(String attribute, String message) {
        messages.add(attribute + " " + message);
    }

    /** A JSON object's members, or none for anything else (where Ruby's {@code dig} would fail). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String string ? Optional.of(string) : Optional.empty();
    }

    /** Rails' {@code present?}: not null, false, blank text or an empty array or object. */
    static boolean present(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof String string) {
            return !string.isBlank();
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        return !(value instanceof Map<?, ?> map) || !map.isEmpty();
    }
}
