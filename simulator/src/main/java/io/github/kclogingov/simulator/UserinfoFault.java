package io.github.kclogingov.simulator;

/**
 * A one-shot defect in the next successful userinfo answer (HTTP 200). Everything else about the
 * answer stays correct, so a test sees exactly one reason to refuse it.
 */
public enum UserinfoFault {
    /** {@code sub} is another valid-looking pairwise UUID, not the id_token's. */
    DIFFERENT_SUB,
    /** No {@code sub}. */
    MISSING_SUB,
    /** {@code sub} is the JSON number {@code 1234567890}. */
    SUB_NOT_STRING,
    /** An extra member {@code padding} of 2 MiB of text. */
    OVERSIZED,
    /** An extra member {@code nested}: arrays nested 100000 deep. */
    DEEPLY_NESTED,
    /** {@code verified_at} is the JSON number {@code 1e999999999} (added when not released). */
    HOSTILE_VERIFIED_AT,
    /** {@code given_name} is 1 MiB long (added when not released). */
    LONG_STRING
}
