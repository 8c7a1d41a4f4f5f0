package io.github.kclogingov.broker.keys;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;

/**
 * What saving a Login.gov provider demands of its client assertion key, so that a wrong choice is
 * refused then and not at the next sign-in: the kid names exactly one key of the realm, enabled,
 * passive (an active key also signs Keycloak's own tokens), RSA of Login.gov's minimum size,
 * RS256, for signing, with its private key and a certificate that has not expired.
 *
 * <p>Every problem is reported, not just the first, so that an admin fixes them in one go and a
 * caller can list them beside others. Login.gov itself ignores certificate expiry; an expired
 * certificate is refused here so that an agency rotates on its own schedule rather than never,
 * and one close to expiry is accepted with a warning.
 */
public final class ClientAssertionKeyCheck {

    /** The field the messages name, as the admin console labels it. */
    public static final String FIELD = "Client assertion key ID";

    /** A certificate expiring sooner than this is accepted with a warning. */
    public static final Duration WARNING_PERIOD = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(ClientAssertionKeyCheck.class);

    private ClientAssertionKeyCheck() {}

    /**
     * @param kid the provider's "Client assertion key ID"
     * @param keysWithKid every key of the realm with that kid ({@link RealmKeys#byKid})
     * @return a message per problem, each naming the field and saying what to do; empty when the key fits
     */
    public static List<String> problems(String kid, List<KeyWrapper> keysWithKid, Instant now) {
        if (keysWithKid.isEmpty()) {
            return List.of(FIELD + ": this realm has no key with kid '" + kid + "'. Copy the kid of a passive RSA "
                    + "key from Realm settings > Keys, or leave the field empty to have a key generated for this "
                    + "provider (then upload its certificate to the Login.gov partner portal).");
        }
        if (keysWithKid.size() > 1) {
            return List.of(FIELD + ": " + keysWithKid.size() + " keys of this realm have the kid '" + kid
                    + "', so which one signs is left to chance. Give each key provider its own kid under Realm "
                    + "settings > Keys > Providers, or leave the field empty to have a key generated.");
        }
        KeyWrapper key = keysWithKid.get(0);
        String named = FIELD + ": the key '" + kid + "'";
        List<String> problems = new ArrayList<>();
        if (key.getStatus() == KeyStatus.DISABLED) {
            problems.add(named + " is disabled, so it cannot sign. Turn its provider's Enabled on under Realm "
                    + "settings > Keys > Providers, or choose another key.");
        }
        if (key.getStatus() == KeyStatus.ACTIVE) {
            problems.add(named + " is active, so it also signs Keycloak's own tokens. Turn its provider's Active "
                    + "off under Realm settings > Keys > Providers (a passive key signs for Login.gov alone), or "
                    + "leave the field empty to have a dedicated passive key generated.");
        }
        problems.addAll(kindProblems(named, key));
        problems.addAll(certificateProblems(named, key.getCertificate(), now));
        return problems;
    }

    /**
     * Logs a warning naming the provider and the expiry when the certificate expires within {@link
     * #WARNING_PERIOD}; nothing else about the key or anyone.
     *
     * @return the expiry that was warned about
     */
    public static Optional<Instant> warnIfExpiringSoon(String alias, KeyWrapper key, Instant now) {
        X509Certificate certificate = key.getCertificate();
        if (certificate == null) {
            return Optional.empty();
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (!notAfter.isAfter(now) || notAfter.isAfter(now.plus(WARNING_PERIOD))) {
            return Optional.empty();
        }
        LOG.warnf(
                "Login.gov provider '%s': the certificate of its client assertion key expires on %s. Rotate the key "
                        + "before then (see 'Rotating the key without downtime' in docs/administrators.md: add a new "
                        + "passive key, upload its certificate to the Login.gov "
                        + "partner portal, then switch '%s' to it).",
                alias, notAfter.atOffset(ZoneOffset.UTC).toLocalDate(), FIELD);
        return Optional.of(notAfter);
    }

    private static List<String> kindProblems(String named, KeyWrapper key) {
        List<String> problems = new ArrayList<>();
        if (!KeyType.RSA.equals(key.getType())) {
            problems.add(named + " is a " + key.getType() + " key; Login.gov accepts only RSA. Choose an RSA key, "
                    + "or leave the field empty to have one generated.");
        } else if (key.getPublicKey() instanceof RSAKey rsa
                && rsa.getModulus().bitLength() < LoginGovProtocol.MIN_CLIENT_RSA_KEY_BITS) {
            problems.add(named + " has " + rsa.getModulus().bitLength() + " bits; Login.gov requires at least "
                    + LoginGovProtocol.MIN_CLIENT_RSA_KEY_BITS + ". Choose a larger RSA key, or leave the field empty "
                    + "to have one generated.");
        }
        if (!LoginGovProtocol.SIGNING_ALGORITHM.equals(key.getAlgorithmOrDefault())) {
            problems.add(named + " is for " + key.getAlgorithmOrDefault() + "; Login.gov accepts only "
                    + LoginGovProtocol.SIGNING_ALGORITHM + ". Set its provider's Algorithm to "
                    + LoginGovProtocol.SIGNING_ALGORITHM + ", or choose another key.");
        }
        if (key.getUse() != KeyUse.SIG) {
            problems.add(named + " is an encryption key; client assertions need a signing key. Choose a key "
                    + "of use 'sig'.");
        }
        if (key.getPrivateKey() == null) {
            problems.add(named + " has no private key in this realm, so it cannot sign. Choose a key whose "
                    + "provider holds its private key.");
        }
        return problems;
    }

    private static List<String> certificateProblems(String named, X509Certificate certificate, Instant now) {
        if (certificate == null) {
            return List.of(named + " has no certificate, which the Login.gov partner portal needs. Choose a key "
                    + "with a certificate (rsa-generated and rsa keys have one), or leave the field empty to have "
                    + "one generated.");
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (!notAfter.isAfter(now)) {
            return List.of(named + " has a certificate that expired on "
                    + notAfter.atOffset(ZoneOffset.UTC).toLocalDate() + ". Add a new passive RSA key under Realm "
                    + "settings > Keys, upload its certificate to the Login.gov partner portal, then enter its kid "
                    + "here (see 'Rotating the key without downtime' in docs/administrators.md).");
        }
        return List.of();
    }
}
