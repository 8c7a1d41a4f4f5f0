package io.github.kclogingov.broker.fraud;

import io.github.kclogingov.protocol.FraudEventType;
import io.github.kclogingov.protocol.PartnerSecurityEvents;
import io.github.kclogingov.protocol.SecurityEventTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.util.JsonSerialization;

/**
 * The claims of a fraud report's token, as Login.gov's {@code SecurityEventForm} requires them:
 * {@code iss} the client ID, {@code aud} the security events URL, a {@code jti}, {@code iat}, and
 * one event whose subject is {@code iss-sub} with the pairwise {@code sub} from the user's link.
 * No {@code exp} and no top-level {@code sub}: Login.gov refuses both. Written once, at the report's
 * creation, and sent as written at every attempt.
 */
final class FraudSetClaims {

    private static final SecureRandom RANDOM = new SecureRandom();

    private FraudSetClaims() {}

    /** A {@code jti} like Login.gov's own: 32 lowercase hexadecimal characters. */
    static String newJti() {
        byte[] bytes = new byte[SecurityEventTokens.JTI_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param clientId the provider's client ID (the token's issuer)
     * @param loginGovIssuer Login.gov's issuer, which gave the user the {@code sub}
     * @param pairwiseSub the {@code sub} Login.gov gave this client for the person
     * @param occurredAt when the fraud happened, in seconds since the epoch, if the administrator said
     */
    static String json(
            String clientId,
            String loginGovIssuer,
            String jti,
            long issuedAt,
            FraudEventType type,
            String pairwiseSub,
            Optional<Long> occurredAt) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put(SecurityEventTokens.SUBJECT_TYPE, PartnerSecurityEvents.SUBJECT_TYPE);
        subject.put("iss", loginGovIssuer);
        subject.put("sub", pairwiseSub);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(SecurityEventTokens.SUBJECT, subject);
        occurredAt.ifPresent(seconds -> event.put(PartnerSecurityEvents.OCCURRED_AT, seconds));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("aud", PartnerSecurityEvents.url(loginGovIssuer));
        claims.put("jti", jti);
        claims.put("iat", issuedAt);
        claims.put(SecurityEventTokens.EVENTS, Map.of(type.uri(), event));
        try {
            return JsonSerialization.writeValueAsString(claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
