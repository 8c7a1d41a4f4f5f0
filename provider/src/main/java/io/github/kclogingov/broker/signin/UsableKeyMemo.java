package io.github.kclogingov.broker.signin;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.component.ComponentModel;

/**
 * Remembers that a realm's client-assertion key was found usable, for as long as the realm's key
 * components are the very objects they were then. Keycloak's realm cache hands out the same
 * component objects until anything in the realm changes (a key added, disabled, made active, in
 * this node or another), and new ones after; without the cache, or inside a transaction that
 * changed the realm, every object is new and nothing is remembered.
 *
 * <p>It serves the check made before a person is sent to Login.gov, so that a sign-in looks its key
 * up once, at the token call, instead of twice; the token call always looks the key up, and signs
 * with what it finds. Node-local and bounded: at most {@link #MAX_ENTRIES} realm and key pairs,
 * holding no key, and only weak references to the components.
 */
final class UsableKeyMemo {

    static final int MAX_ENTRIES = 1024;

    private final Map<String, List<WeakReference<ComponentModel>>> usable = new ConcurrentHashMap<>();

    /** True when {@code kid} was found usable while the realm's key components were {@code keyComponents}. */
    boolean knownUsable(String realmId, String kid, List<ComponentModel> keyComponents) {
        List<WeakReference<ComponentModel>> then = usable.get(entry(realmId, kid));
        if (then == null || then.size() != keyComponents.size()) {
            return false;
        }
        for (int i = 0; i < then.size(); i++) {
            if (then.get(i).get() != keyComponents.get(i)) {
                return false;
            }
        }
        return true;
    }

    void recordUsable(String realmId, String kid, List<ComponentModel> keyComponents) {
        if (usable.size() >= MAX_ENTRIES) {
            usable.clear();
        }
        List<WeakReference<ComponentModel>> references = new ArrayList<>(keyComponents.size());
        keyComponents.forEach(component -> references.add(new WeakReference<>(component)));
        usable.put(entry(realmId, kid), List.copyOf(references));
    }

    void forget(String realmId, String kid) {
        usable.remove(entry(realmId, kid));
    }

    int size() {
        return usable.size();
    }

    private static String entry(String realmId, String kid) {
        return realmId + '\n' + kid;
    }
}
