package io.github.kclogingov.broker.signals;

import java.util.Optional;

/**
 * Whom a security event is about. Only an account subject ({@code iss} and {@code sub}, in either
 * form) can lead to a Keycloak user; an email subject, or a form Login.gov does not send, is
 * acknowledged and never used to look anyone up. The {@code sub} is never logged nor recorded.
 *
 * @param kind what the subject names
 * @param sub Login.gov's pairwise {@code sub}, for an account subject only
 */
record EventSubject(Kind kind, String sub) {

    enum Kind {
        /** {@code iss-sub} (legacy, nested in the event) or {@code iss_sub} (top-level {@code sub_id}). */
        ACCOUNT,
        /** An email address: never used to find a user. */
        EMAIL,
        /** A subject format Login.gov does not send. */
        OTHER
    }

    static EventSubject account(String sub) {
        return new EventSubject(Kind.ACCOUNT, sub);
    }

    static EventSubject of(Kind kind) {
        return new EventSubject(kind, null);
    }

    /** The {@code sub} of an account subject. */
    Optional<String> accountSub() {
        return kind == Kind.ACCOUNT ? Optional.of(sub) : Optional.empty();
    }

    @Override
    public String toString() {
        return "EventSubject[" + kind + "]"; // never the sub
    }
}
