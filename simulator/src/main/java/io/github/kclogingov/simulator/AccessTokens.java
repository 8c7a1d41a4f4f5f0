package io.github.kclogingov.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque access tokens for the userinfo endpoint. As identity-idp's {@code AccessTokenVerifier}
 * does, a token is accepted only while the person's Login.gov session it was issued in is alive:
 * it dies with the session (timeout, logout), and lives on while the person's activity at Login.gov
 * keeps the session going.
 */
final class AccessTokens {
    /**
     * How long the store keeps a token at most: identity-idp signs a person out after 12 hours
     * whatever their activity ({@code session_total_duration_timeout_in_minutes}: 720).
     */
    static final Duration MAX_LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an access token stands for: the grant and the assurance claims its id_token carried. */
    record Issued(Grant grant, AssertedAssurance assurance) {}

    private final ExpiringStore<Issued> tokens;
    private final SignInSessions sessions;

    AccessTokens(Clock clock, SignInSessions sessions) {
        this.tokens = new ExpiringStore<>(clock);
        this.sessions = sessions;
    }

    String issue(Grant grant, AssertedAssurance assurance) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(grant, assurance), MAX_LIFETIME);
        return token;
    }

    /** The token's grant while its session lives; empty for an unknown token or an ended session. */
    Optional<Issued> find(String token) {
        return tokens.get(token)
                .filter(issued -> sessions.expiresAt(issued.grant().session()).isPresent());
    }

    void clear() {
        tokens.clear();
    }
}
