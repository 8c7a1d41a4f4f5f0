package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.Optional;

/**
 * What Login.gov asserted for one sign-in: the IAL in the id_token's {@code acr} and the
 * {@code aal} claim, each with the value exactly as returned.
 *
 * <p>This is the broker's side of Login.gov's assurance, not the protocol itself: {@link #check}
 * is the rule for accepting an answer: {@code acr} must be an assertable value in
 * the spelling the request used and must satisfy the requested IAL; {@code aal} echoes the
 * request, so it must be the requested AAL (or Login.gov's default when none was asked).
 */
public record AssertedLevel(IdentityAssurance ial, String ialValue, AuthenticationAssurance aal, String aalValue) {

    public AssertedLevel {
        if (ial == null || ialValue == null || aal == null || aalValue == null) {
            throw new IllegalArgumentException("An asserted level has both an IAL and an AAL");
        }
    }

    /**
     * Accepts or refuses what Login.gov returned for a request.
     *
     * @param requested the acr_values this sign-in sent
     * @param acr the id_token's {@code acr}, or null when absent
     * @param aal the {@code aal} claim, or null when absent
     * @throws AssuranceMismatchException with a reason naming what is wrong (values are Login.gov's
     *     public constants, never personal data)
     */
    public static AssertedLevel check(AcrValues requested, String acr, String aal) throws AssuranceMismatchException {
        if (acr == null || acr.isBlank()) {
            throw new AssuranceMismatchException(
                    "Login.gov returned no acr; the sign-in asked for " + requested.ialValue());
        }
        IdentityAssurance asserted = IdentityAssurance.fromAsserted(acr, requested.form())
                .orElseThrow(
                        () -> new AssuranceMismatchException("Login.gov returned an acr this sign-in cannot accept ('"
                                + UntrustedText.quoted(acr) + "'); it asked for " + requested.ialValue()));
        if (!requested.ial().isSatisfiedBy(asserted)) {
            throw new AssuranceMismatchException(
                    "Login.gov asserted " + acr + ", which does not meet the requested " + requested.ialValue());
        }
        AuthenticationAssurance expected = requested.expectedAal();
        if (aal == null || aal.isBlank()) {
            throw new AssuranceMismatchException(
                    "Login.gov returned no aal; the sign-in asked for " + expected.value());
        }
        Optional<AuthenticationAssurance> returned = AuthenticationAssurance.fromValue(aal);
        if (returned.isEmpty() || returned.get() != expected) {
            throw new AssuranceMismatchException("Login.gov returned aal '" + UntrustedText.quoted(aal)
                    + "', not the requested " + expected.value());
        }
        return new AssertedLevel(asserted, acr, returned.get(), aal);
    }

    /**
     * This assertion as a request that would reproduce it, to keep what a session has while
     * raising it. Login.gov's default AAL is left implicit, as a request without an AAL asks for it.
     */
    public AcrValues asRequest() {
        return aal == AuthenticationAssurance.DEFAULT
                ? new AcrValues(ial, ialValue, null, null)
                : new AcrValues(ial, ialValue, aal, aalValue);
    }

    /** Reads a level recorded earlier (for instance in a session note), leniently: empty when unreadable. */
    public static Optional<AssertedLevel> restore(String ialValue, String aalValue) {
        Optional<IdentityAssurance> level =
                IdentityAssurance.fromValue(ialValue).filter(IdentityAssurance::isAssertable);
        Optional<AuthenticationAssurance> authentication = AuthenticationAssurance.fromValue(aalValue);
        if (level.isEmpty() || authentication.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AssertedLevel(level.get(), ialValue, authentication.get(), aalValue));
    }

    /** Whether this assertion meets {@code level} on both axes. */
    public boolean meets(AcrValues level) {
        return level.isSatisfiedBy(ial, aal);
    }

    /** Login.gov's answer does not meet what the sign-in asked for. */
    public static final class AssuranceMismatchException extends Exception {
        public AssuranceMismatchException(String message) {
            super(message);
        }
    }
}
