package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance.Proofing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fictional Login.gov account the simulator can sign in. Verified attributes (name, birth
 * date, address, phone, SSN) are only released for a proofed persona; leave them null otherwise.
 *
 * @param id stable identifier, used in configuration, logs and to derive the pairwise {@code sub}
 * @param displayName shown on the persona picker
 * @param description one sentence for the picker: what this persona is for
 * @param verifiedAt when the identity was verified; null when not proofed
 */
public record Persona(
        String id,
        String displayName,
        String description,
        Proofing proofing,
        String email,
        List<String> allEmails,
        String locale,
        String givenName,
        String familyName,
        LocalDate birthdate,
        PostalAddress address,
        String phone,
        String socialSecurityNumber,
        Instant verifiedAt,
        String x509Subject,
        String x509Issuer,
        boolean x509Presented) {

    public Persona {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A persona needs an id");
        }
        Objects.requireNonNull(proofing, "proofing");
        Objects.requireNonNull(email, "email");
        allEmails = allEmails == null || allEmails.isEmpty() ? List.of(email) : List.copyOf(allEmails);
        displayName = displayName == null ? id : displayName;
        description = description == null ? "" : description;
    }

    public boolean isProofed() {
        return proofing != Proofing.NONE;
    }

    /**
     * This persona after choosing, at Login.gov, another address to share with agencies: it becomes
     * {@code email} and the first of {@code all_emails}, and the other addresses stay on the account.
     * Addresses compare case-insensitively (mailboxes are, in practice), so none is listed twice.
     */
    Persona withEmail(String newEmail) {
        List<String> emails = new ArrayList<>();
        emails.add(newEmail);
        allEmails.stream().filter(other -> !other.equalsIgnoreCase(newEmail)).forEach(emails::add);
        return withAccount(id, newEmail, emails);
    }

    /**
     * Another person with this persona's attributes: the id (hence the pairwise {@code sub}) gets
     * {@code suffix}, and every email address gets it as a {@code +suffix} tag, so that a relying
     * party sees a new account whose email no earlier account holds. For benchmarks that sign a
     * new person in each time ({@link LoginGovSimulator#setNewPersonEverySignIn}).
     */
    Persona asNewPerson(String suffix) {
        List<String> emails =
                allEmails.stream().map(address -> tagged(address, suffix)).toList();
        return withAccount(id + "-" + suffix, tagged(email, suffix), emails);
    }

    /** The same person with another id and other email addresses; every other attribute kept. */
    private Persona withAccount(String newId, String newEmail, List<String> newEmails) {
        return new Persona(
                newId,
                displayName,
                description,
                proofing,
                newEmail,
                newEmails,
                locale,
                givenName,
                familyName,
                birthdate,
                address,
                phone,
                socialSecurityNumber,
                verifiedAt,
                x509Subject,
                x509Issuer,
                x509Presented);
    }

    private static String tagged(String address, String suffix) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address + "+" + suffix : address.substring(0, at) + "+" + suffix + address.substring(at);
    }

    /** The built-in personas: {@code auth-only}, {@code verified}, {@code facial-match}, {@code piv-cac}. */
    public static List<Persona> defaults() {
        return DefaultPersonas.ALL;
    }
}
