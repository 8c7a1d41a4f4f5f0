package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.keys.CertificateUrl;
import io.github.kclogingov.broker.keys.ClientAssertionKeyCheck;
import io.github.kclogingov.broker.keys.GeneratedClientAssertionKey;
import io.github.kclogingov.broker.keys.KeyCertificate;
import io.github.kclogingov.broker.keys.RealmKeys;
import io.github.kclogingov.protocol.ClientAuthentication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The client assertion key of a provider being saved or imported: a key of its own when none is
 * chosen ({@link GeneratedClientAssertionKey}), the chosen key checked ({@link
 * ClientAssertionKeyCheck}), and its certificate's subject, expiry and download URL written to two
 * read-only settings that the admin console shows. A PKCE provider needs no key and gets none.
 */
final class ClientAssertionKeySetup {

    private static final Logger LOG = Logger.getLogger(ClientAssertionKeySetup.class);

    private ClientAssertionKeySetup() {}

    /**
     * Whether the realm's keys can be read yet: during a realm import they cannot (Keycloak imports
     * identity providers before keys), and {@link ImportedProviderKeys} finishes the job once the
     * import is done.
     */
    static boolean keysReadable(RealmModel realm) {
        return RealmKeys.present(realm);
    }

    /** The kid the provider is saved with now, when it exists already: emptying it is not a way to get a new key. */
    private static Optional<String> storedKid(KeycloakSession session, String alias) {
        IdentityProviderModel stored = session.identityProviders().getByAlias(alias);
        return stored == null
                ? Optional.empty()
                : Optional.ofNullable(stored.getConfig().get(ConfigKeys.SIGNING_KEY_ID))
                        .filter(kid -> !kid.isBlank());
    }

    /**
     * The problems of the key the settings name, without generating or writing anything: for a save
     * that is refused for other reasons too, so that the administrator sees them all at once.
     */
    static List<String> problemsOfChosenKey(KeycloakSession session, RealmModel realm, Map<String, String> raw) {
        String kid = raw.get(ConfigKeys.SIGNING_KEY_ID);
        if (kid == null || kid.isBlank()) {
            return List.of();
        }
        return ClientAssertionKeyCheck.problems(kid.trim(), RealmKeys.byKid(session, realm, kid.trim()), Instant.now());
    }

    /**
     * @return every problem of the chosen key, each a message naming the field and saying what to
     *     do; empty when the key fits or none is needed. The read-only settings are written only then.
     */
    static List<String> apply(KeycloakSession session, RealmModel realm, LoginGovIdentityProviderConfig config) {
        Map<String, String> raw = config.getConfig();
        // Written by this class alone: whatever a form or an import sent is replaced or dropped.
        raw.remove(ConfigKeys.SIGNING_KEY_CERTIFICATE);
        raw.remove(ConfigKeys.SIGNING_KEY_CERTIFICATE_URL);
        LoginGovSettings settings = config.settings();
        if (settings.clientAuthentication() != ClientAuthentication.PRIVATE_KEY_JWT) {
            return List.of();
        }
        Optional<String> chosen = settings.signingKeyId();
        String kid;
        if (chosen.isPresent()) {
            kid = chosen.get();
        } else {
            if (storedKid(session, config.getAlias()).isPresent()) {
                return List.of(
                        ClientAssertionKeyCheck.FIELD + ": it is empty, which would switch this provider to a new "
                                + "key whose certificate Login.gov does not have yet, and every sign-in would fail until it is "
                                + "uploaded. Keep the current kid; to change keys, follow 'Rotating the key without downtime' "
                                + "in docs/administrators.md.");
            }
            Optional<String> generated = GeneratedClientAssertionKey.create(session, realm, config.getAlias());
            if (generated.isEmpty()) {
                return List.of(
                        ClientAssertionKeyCheck.FIELD + ": Keycloak could not generate a key for this provider "
                                + "(see the server log). Add a passive RSA key under Realm settings > Keys and enter its kid here.");
            }
            kid = generated.get();
            raw.put(ConfigKeys.SIGNING_KEY_ID, kid);
            LOG.infof(
                    "Login.gov provider '%s': generated its client assertion key '%s' (%s); upload its certificate "
                            + "to the Login.gov partner portal",
                    config.getAlias(), kid, GeneratedClientAssertionKey.componentName(config.getAlias()));
        }
        List<KeyWrapper> keys = RealmKeys.byKid(session, realm, kid);
        Instant now = Instant.now();
        List<String> problems = ClientAssertionKeyCheck.problems(kid, keys, now);
        if (!problems.isEmpty()) {
            return problems;
        }
        KeyWrapper key = keys.get(0);
        ClientAssertionKeyCheck.warnIfExpiringSoon(config.getAlias(), key, now);
        raw.put(ConfigKeys.SIGNING_KEY_CERTIFICATE, KeyCertificate.summary(key.getCertificate()));
        raw.put(ConfigKeys.SIGNING_KEY_CERTIFICATE_URL, CertificateUrl.of(session, realm, config.getAlias()));
        return List.of();
    }
}
