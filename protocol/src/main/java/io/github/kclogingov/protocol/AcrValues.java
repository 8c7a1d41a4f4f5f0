package io.github.kclogingov.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code acr_values} parameter as Login.gov reads it: exactly one IAL value and at most one
 * AAL value, space separated. Values Login.gov does not know are dropped, as production does.
 *
 * @param ialValue the IAL value exactly as written (semantic or legacy)
 * @param aalValue the AAL value exactly as written, or null when none was given
 */
public record AcrValues(IdentityAssurance ial, String ialValue, AuthenticationAssurance aal, String aalValue) {

    /** Login.gov's own message for a request without an IAL value. */
    public static final String MISSING_IAL = "Missing a valid IAL level";

    public AcrValues {
        if (ial == null || ialValue == null) {
            throw new IllegalArgumentException(MISSING_IAL);
        }
    }

    /** Builds the values to send for a level and an optional AAL, in the given form. */
    public static AcrValues of(IdentityAssurance ial, AuthenticationAssurance aal, AcrForm form) {
        return new AcrValues(ial, ial.value(form), aal, aal == null ? null : aal.value());
    }

    /** The form of the IAL value, which decides the form of the {@code acr} Login.gov returns. */
    public AcrForm form() {
        return IdentityAssurance.formOf(ialValue);
    }

    /** The parameter value: the IAL value, then the AAL value if any. */
    public String toParameter() {
        return aalValue == null ? ialValue : ialValue + " " + aalValue;
    }

    /**
     * Parses an {@code acr_values} parameter.
     *
     * @throws InvalidAcrValuesException with Login.gov's reason when there is no IAL value, more than
     *     one IAL value, or more than one AAL value
     */
    public static AcrValues parse(String parameter) throws InvalidAcrValuesException {
        List<String> ials = new ArrayList<>();
        List<String> aals = new ArrayList<>();
        if (parameter != null) {
            for (String value : parameter.trim().split("\\s+")) {
                if (IdentityAssurance.fromValue(value).isPresent()) {
                    ials.add(value);
                } else if (AuthenticationAssurance.fromValue(value).isPresent()) {
                    aals.add(value);
                }
            }
        }
        if (ials.isEmpty()) {
            throw new InvalidAcrValuesException(MISSING_IAL);
        }
        if (ials.size() > 1) {
            throw new InvalidAcrValuesException("Send exactly one IAL value; got " + String.join(", ", ials));
        }
        if (aals.size() > 1) {
            throw new InvalidAcrValuesException("Send at most one AAL value; got " + String.join(", ", aals));
        }
        String ialValue = ials.get(0);
        String aalValue = aals.isEmpty() ? null : aals.get(0);
        return new AcrValues(
                IdentityAssurance.fromValue(ialValue).orElseThrow(),
                ialValue,
                aalValue == null
                        ? null
                        : AuthenticationAssurance.fromValue(aalValue).orElseThrow(),
                aalValue);
    }

    /**
     * Reads an {@code acr_values} parameter as Login.gov's authorize endpoint does with AAL values:
     * any number of them is accepted and the most demanding one counts (its value as written; of a
     * level and its legacy alias, the current spelling), which is also the {@code aal} Login.gov
     * echoes. The IAL rules are those of {@link #parse}.
     *
     * @throws InvalidAcrValuesException with Login.gov's reason when there is no IAL value, or more
     *     than one
     */
    public static AcrValues parseHighestAal(String parameter) throws InvalidAcrValuesException {
        List<String> aals = new ArrayList<>();
        StringBuilder others = new StringBuilder();
        if (parameter != null) {
            for (String value : parameter.trim().split("\\s+")) {
                if (AuthenticationAssurance.fromValue(value).isPresent()) {
                    aals.add(value);
                } else {
                    others.append(value).append(' ');
                }
            }
        }
        String highest = null;
        for (String value : aals) {
            if (highest == null || ranksAbove(value, highest)) {
                highest = value;
            }
        }
        return parse(highest == null ? others.toString() : others + highest);
    }

    /** A more demanding level, or the same level in its current spelling over a legacy alias. */
    private static boolean ranksAbove(String candidate, String current) {
        AuthenticationAssurance candidateLevel =
                AuthenticationAssurance.fromValue(candidate).orElseThrow();
        AuthenticationAssurance currentLevel =
                AuthenticationAssurance.fromValue(current).orElseThrow();
        if (candidateLevel != currentLevel) {
            return candidateLevel.ordinal() > currentLevel.ordinal();
        }
        return candidate.equals(candidateLevel.value()) && !current.equals(currentLevel.value());
    }

    /**
     * Parses acr values an administrator configured. Stricter than {@link #parse}: a value Login.gov
     * does not know is refused rather than dropped, since it is a typo that would change the level.
     *
     * @throws InvalidAcrValuesException with a message for the administrator
     */
    public static AcrValues parseConfigured(String parameter) throws InvalidAcrValuesException {
        List<String> unknown = new ArrayList<>();
        boolean anyIal = false;
        boolean anyAal = false;
        if (parameter != null && !parameter.isBlank()) {
            for (String value : parameter.trim().split("\\s+")) {
                if (IdentityAssurance.fromValue(value).isPresent()) {
                    anyIal = true;
                } else if (AuthenticationAssurance.fromValue(value).isPresent()) {
                    anyAal = true;
                } else {
                    unknown.add(value);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidAcrValuesException("Login.gov does not know the acr value(s) " + String.join(", ", unknown)
                    + ". Use a urn:acr.login.gov:* service level and optionally one AAL value.");
        }
        if (!anyIal && anyAal) {
            throw new InvalidAcrValuesException(
                    "An AAL value needs an IAL (service level) value beside it: Login.gov answers '" + MISSING_IAL
                            + "' to an AAL alone.");
        }
        return parse(parameter);
    }

    /**
     * This request raised, axis by axis, to at least {@code floor}: the more demanding IAL and the
     * more demanding AAL of the two. The IAL is spelled in the floor's form (unless the floor is
     * IALMAX, which has no other), so an administrator who chose legacy values keeps getting
     * legacy answers.
     */
    public AcrValues atLeast(AcrValues floor) {
        IdentityAssurance level = IdentityAssurance.stronger(ial, floor.ial);
        AuthenticationAssurance authentication = AuthenticationAssurance.stronger(aal, floor.aal);
        // IALMAX has only a legacy spelling, so an IALMAX floor does not decide the form.
        AcrForm spelling = floor.ial == IdentityAssurance.IALMAX ? form() : floor.form();
        String levelValue = level == floor.ial ? floor.ialValue : level.value(spelling);
        String authenticationValue = authentication == null
                ? null
                : authentication == floor.aal
                        ? floor.aalValue
                        : authentication == aal ? aalValue : authentication.value();
        return new AcrValues(level, levelValue, authentication, authenticationValue);
    }

    /** The {@code aal} Login.gov echoes for this request: the AAL asked for, else its default. */
    public AuthenticationAssurance expectedAal() {
        return aal == null ? AuthenticationAssurance.DEFAULT : aal;
    }

    /** The {@code aal} claim value Login.gov echoes for this request: the AAL value as written, else its default's. */
    public String expectedAalValue() {
        return aalValue == null ? AuthenticationAssurance.DEFAULT.value() : aalValue;
    }

    /** Whether a sign-in Login.gov asserted at {@code assertedIal} and {@code assertedAal} meets this level on both axes. */
    public boolean isSatisfiedBy(IdentityAssurance assertedIal, AuthenticationAssurance assertedAal) {
        return ial.isSatisfiedBy(assertedIal) && expectedAal().isSatisfiedBy(assertedAal);
    }

    /** The deprecated spellings among these values (empty when all are current). */
    public List<String> legacySpellings() {
        List<String> legacy = new ArrayList<>();
        if (form() == AcrForm.LEGACY && ial != IdentityAssurance.IALMAX) {
            legacy.add(ialValue);
        }
        if (aal != null && aal.isLegacyAlias(aalValue)) {
            legacy.add(aalValue);
        }
        return legacy;
    }

    /** An {@code acr_values} parameter Login.gov would refuse. */
    public static final class InvalidAcrValuesException extends Exception {
        public InvalidAcrValuesException(String message) {
            super(message);
        }
    }
}
