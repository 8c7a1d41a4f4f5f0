package io.github.kclogingov.broker.keys;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A key of its own for one Login.gov provider: a component of Keycloak's {@code rsa-generated} key
 * provider, enabled and <em>passive</em>, so that Keycloak never signs its own tokens with it and
 * it serves Login.gov alone. Keycloak generates the pair and a self-signed certificate (valid ten
 * years, subject {@code CN=<realm>}) when the component is added, and keeps the private key in the
 * component, where the admin console and exports show it masked.
 */
public final class GeneratedClientAssertionKey {

    private static final Logger LOG = Logger.getLogger(GeneratedClientAssertionKey.class);

    /** Keycloak's generated RSA key provider. */
    public static final String KEY_PROVIDER_ID = "rsa-generated";

    /**
     * NIST SP 800-57 accepts 2048-bit RSA only through 2030 and the certificate lives ten years, so the
     * key is made stronger than Login.gov's minimum ({@link LoginGovProtocol#MIN_CLIENT_RSA_KEY_BITS}).
     */
    static final int KEY_BITS = 3072;

    private GeneratedClientAssertionKey() {}

    /** The component's name in Realm settings > Keys, which says whom the key is for. */
    public static String componentName(String alias) {
        return "Login.gov client assertion key (identity provider " + alias + ")";
    }

    /**
     * Adds the key to the realm.
     *
     * @return its kid, as Keycloak's key manager will know it; empty when Keycloak refused to make
     *     one (the caller turns that into a message for the admin, never a server error)
     */
    public static Optional<String> create(KeycloakSession session, RealmModel realm, String alias) {
        ComponentModel component = new ComponentModel();
        component.setName(componentName(alias));
        component.setParentId(realm.getId());
        component.setProviderId(KEY_PROVIDER_ID);
        component.setProviderType(KeyProvider.class.getName());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("priority", "0");
        config.putSingle("enabled", "true");
        config.putSingle("active", "false");
        config.putSingle("keySize", String.valueOf(KEY_BITS));
        config.putSingle("algorithm", LoginGovProtocol.SIGNING_ALGORITHM);
        component.setConfig(config);
        try {
            ComponentModel added = realm.addComponentModel(component);
            return RealmKeys.keysOf(session, added).map(KeyWrapper::getKid).findFirst();
        } catch (RuntimeException e) {
            // Keycloak's generator refused the settings (e.g. a key size its crypto provider lacks).
            // Only the exception's type: its message could quote the component's configuration,
            // which by then holds the generated private key.
            LOG.warnf(
                    "Login.gov provider '%s': Keycloak could not generate a client assertion key (%s)",
                    alias, e.getClass().getName());
            return Optional.empty();
        }
    }
}
