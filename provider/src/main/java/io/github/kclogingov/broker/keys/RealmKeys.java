package io.github.kclogingov.broker.keys;

import java.util.List;
import java.util.stream.Stream;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;
import org.keycloak.keys.KeyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;

/**
 * The realm's keys, read from its key provider components on every call.
 *
 * <p>Keycloak's key manager ({@code session.keys()}) keeps the realm's key providers for the rest
 * of the session once it has listed them, so a key component created in this session (a generated
 * key, or the keys a realm import brings) would be missing from it. Providers are saved rarely;
 * reading the components again costs nothing that matters.
 */
public final class RealmKeys {

    private RealmKeys() {}

    /**
     * Whether the realm has any key provider. A realm always has some, except while it is being
     * imported: Keycloak imports identity providers before the realm's keys.
     */
    public static boolean present(RealmModel realm) {
        return components(realm).findAny().isPresent();
    }

    /** Every key of the realm (enabled or not) whose kid is {@code kid}; more than one is a misconfiguration. */
    public static List<KeyWrapper> byKid(KeycloakSession session, RealmModel realm, String kid) {
        return components(realm)
                .flatMap(component -> keysOf(session, component))
                .filter(key -> kid.equals(key.getKid()))
                .toList();
    }

    /** The keys of one key provider component, as Keycloak's own key manager would load them. */
    public static Stream<KeyWrapper> keysOf(KeycloakSession session, ComponentModel component) {
        ProviderFactory<KeyProvider> factory =
                session.getKeycloakSessionFactory().getProviderFactory(KeyProvider.class, component.getProviderId());
        if (!(factory instanceof KeyProviderFactory<?> keyProviderFactory)) {
            return Stream.empty();
        }
        try {
            KeyProvider provider = keyProviderFactory.create(session, component);
            session.enlistForClose(provider);
            return provider.getKeysStream().toList().stream();
        } catch (RuntimeException e) {
            // A component that cannot be loaded holds no usable key; Keycloak's key manager skips it too.
            return Stream.empty();
        }
    }

    private static Stream<ComponentModel> components(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), KeyProvider.class.getName());
    }
}
