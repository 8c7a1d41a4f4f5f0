package io.github.kclogingov.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A persona's address as Login.gov releases it.
 *
 * @param streetAddress one line, or two separated by "\n"
 * @param region the two-letter state code
 * @param postalCode five characters
 */
public record PostalAddress(String streetAddress, String locality, String region, String postalCode) {

    /** Login.gov's {@code formatted}: the street address, a newline, then "City, ST 12345". */
    public String formatted() {
        return streetAddress + "\n" + locality + ", " + region + " " + postalCode;
    }

    /** The {@code address} claim. */
    public Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("formatted", formatted());
        claim.put("street_address", streetAddress);
        claim.put("locality", locality);
        claim.put("region", region);
        claim.put("postal_code", postalCode);
        return claim;
    }
}
