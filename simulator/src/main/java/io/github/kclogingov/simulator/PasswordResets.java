package io.github.kclogingov.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The personas whose password Login.gov reset after a partner reported authorization fraud
 * (identity-idp's {@code ResetUserPassword}: a random password the person does not know). Each must
 * choose a new password at its next sign-in, whichever service provider it comes from; choosing one
 * takes the persona off this list.
 */
final class PasswordResets {
    private final Map<String, Instant> resetAt = new ConcurrentHashMap<>();

    void reset(String personaId, Instant at) {
        resetAt.put(personaId, at);
    }

    boolean required(String personaId) {
        return personaId != null && resetAt.containsKey(personaId);
    }

    /** When the password was reset, while the persona has not chosen a new one. */
    Optional<Instant> since(String personaId) {
        return Optional.ofNullable(personaId == null ? null : resetAt.get(personaId));
    }

    void chosen(String personaId) {
        resetAt.remove(personaId);
    }

    void clear() {
        resetAt.clear();
    }
}
