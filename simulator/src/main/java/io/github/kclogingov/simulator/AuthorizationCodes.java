package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Authorization codes as production handles them: a UUID, alive for
 * {@link LoginGovProtocol#CODE_LIFETIME}, single use, and replaced by a newer sign-in of the same
 * persona at the same client.
 */
final class AuthorizationCodes {
    private final ExpiringStore<Grant> codes;

    AuthorizationCodes(Clock clock) {
        this.codes = new ExpiringStore<>(clock);
    }

    synchronized String issue(Grant grant) {
        codes.removeIf(earlier -> earlier.persona().id().equals(grant.persona().id())
                && earlier.client().clientId().equals(grant.client().clientId()));
        String code = UUID.randomUUID().toString();
        codes.put(code, grant, LoginGovProtocol.CODE_LIFETIME);
        return code;
    }

    /** The grant of a live code, without using the code up. */
    Optional<Grant> find(String code) {
        return codes.get(code);
    }

    /** Uses the code up; empty when it is unknown, expired or already used (by a concurrent request). */
    Optional<Grant> redeem(String code) {
        return codes.take(code);
    }

    void clear() {
        codes.clear();
    }
}
