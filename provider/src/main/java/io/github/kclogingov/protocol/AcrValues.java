package io.github.kclogingov.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public Optional<AuthenticationAssurance> aalLevel() {
        return Optional.ofNullable(aal);
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
        return new AcrValues(IdentityAssurance.fromValue(ialValue).orElseThrow(), ialValue,
                aalValue == null ? null : AuthenticationAssurance.fromValue(aalValue).orElseThrow(), aalValue);
    }

    /** An {@code acr_values} parameter Login.gov would refuse. */
    public static final class InvalidAcrValuesException extends Exception {
        public InvalidAcrValuesException(String message) {
            super(message);
        }
    }
}
