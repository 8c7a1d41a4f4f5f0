package io.github.kclogingov.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque access tokens for the userinfo endpoint. Production's die with the Login.gov session
 * (15 minutes, sliding); the simulator gives them a fixed 15 minutes, also the {@code expires_in}
 * and the id_token lifetime.
 */
final class AccessTokens {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an access token stands for: the grant and the assurance claims its id_token carried. */
    record Issued(Grant grant, AssertedAssurance assurance) {}

    private final ExpiringStore<Issued> tokens;

    AccessTokens(Clock clock) {
        this.tokens = new ExpiringStore<>(clock);
    }

    String issue(Grant grant, AssertedAssurance assurance) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(grant, assurance), LIFETIME);
        return token;
    }

    Optional<Issued> find(String token) {
        return tokens.get(token);
    }

    void clear() {
        tokens.clear();
    }
}
