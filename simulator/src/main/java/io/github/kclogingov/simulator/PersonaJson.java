package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance.Proofing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a persona from the configuration file's JSON (see README.md for the fields). */
final class PersonaJson {

    private PersonaJson() {}

    @SuppressWarnings("unchecked")
    static Persona read(Map<String, Object> json) {
        Map<String, Object> address = (Map<String, Object>) json.get("address");
        String verifiedAt = string(json, "verifiedAt");
        String birthdate = string(json, "birthdate");
        return new Persona(
                string(json, "id"),
                string(json, "displayName"),
                string(json, "description"),
                proofing(string(json, "proofing")),
                string(json, "email"),
                (List<String>) json.get("allEmails"),
                string(json, "locale"),
                string(json, "givenName"),
                string(json, "familyName"),
                birthdate == null ? null : LocalDate.parse(birthdate),
                address == null
                        ? null
                        : new PostalAddress(
                                string(address, "streetAddress"),
                                string(address, "locality"),
                                string(address, "region"),
                                string(address, "postalCode")),
                string(json, "phone"),
                string(json, "socialSecurityNumber"),
                verifiedAt == null ? null : Instant.parse(verifiedAt),
                string(json, "x509Subject"),
                string(json, "x509Issuer"),
                Boolean.TRUE.equals(json.get("x509Presented")));
    }

    /** "none", "verified" or "verified-with-facial-match". */
    static Proofing proofing(String value) {
        if (value == null) {
            return Proofing.NONE;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Proofing proofing : Proofing.values()) {
            if (proofing.name().equals(wanted)) {
                return proofing;
            }
        }
        throw new IllegalArgumentException(
                "proofing must be none, verified or verified-with-facial-match, not " + value);
    }

    private static String string(Map<String, Object> json, String name) {
        Object value = json.get(name);
        return value == null ? null : value.toString();
    }
}
