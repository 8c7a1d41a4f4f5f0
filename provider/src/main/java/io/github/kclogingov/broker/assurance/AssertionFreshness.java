package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How long a session's Login.gov assertion may be reused by single sign-on, per axis. A verified
 * identity is reused for {@code ialMaxAge}; an authentication stronger than Login.gov's default
 * (AAL2, phishing-resistant, PIV/CAC) for {@code aalMaxAge}. A request that needs neither reuses
 * the session for as long as Keycloak keeps it. Past the limit the person goes back to Login.gov,
 * which asserts the level afresh.
 */
public record AssertionFreshness(Duration ialMaxAge, Duration aalMaxAge) {

    /** Why {@code assertion} cannot serve {@code needed} at {@code now}; empty when it can. */
    public Optional<String> staleAxis(RecordedAssertion assertion, AcrValues needed, Instant now) {
        if (needed.ial().requiresVerifiedIdentity() && assertion.isOlderThan(ialMaxAge, now)) {
            return Optional.of("its verified identity was asserted more than " + ialMaxAge.getSeconds() + " s ago");
        }
        if (needed.expectedAal() != AuthenticationAssurance.DEFAULT && assertion.isOlderThan(aalMaxAge, now)) {
            return Optional.of("its authentication level was asserted more than " + aalMaxAge.getSeconds() + " s ago");
        }
        return Optional.empty();
    }

    /** Which levels {@code assertion} can still serve at {@code now}: those with no stale axis. */
    public Predicate<AcrValues> reusable(RecordedAssertion assertion, Instant now) {
        return level -> staleAxis(assertion, level, now).isEmpty();
    }
}
