package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

class UsableKeyMemoTest {

    private final UsableKeyMemo memo = new UsableKeyMemo();
    private final ComponentModel dedicatedKey = component("dedicated");
    private final ComponentModel realmKey = component("rsa-generated");

    @Test
    void a_verdict_holds_while_the_realm_keeps_the_same_key_components() {
        memo.recordUsable("realm", "kid-1", List.of(dedicatedKey, realmKey));
        assertTrue(memo.knownUsable("realm", "kid-1", List.of(dedicatedKey, realmKey)));
    }

    @Test
    void a_realm_cache_reload_is_a_change_even_when_the_components_are_equal() {
        // After any change in the realm, Keycloak's cache hands out new component objects.
        memo.recordUsable("realm", "kid-1", List.of(dedicatedKey, realmKey));
        ComponentModel reloaded = new ComponentModel(dedicatedKey);
        assertFalse(memo.knownUsable("realm", "kid-1", List.of(reloaded, realmKey)));
    }

    @Test
    void an_added_or_removed_key_is_a_change() {
        memo.recordUsable("realm", "kid-1", List.of(dedicatedKey, realmKey));
        assertFalse(memo.knownUsable("realm", "kid-1", List.of(dedicatedKey)));
        assertFalse(memo.knownUsable("realm", "kid-1", List.of(dedicatedKey, realmKey, component("new"))));
    }

    @Test
    void another_realm_or_key_id_knows_nothing() {
        memo.recordUsable("realm", "kid-1", List.of(dedicatedKey));
        assertFalse(memo.knownUsable("other-realm", "kid-1", List.of(dedicatedKey)));
        assertFalse(memo.knownUsable("realm", "kid-2", List.of(dedicatedKey)));
    }

    @Test
    void a_failed_lookup_forgets_the_verdict() {
        memo.recordUsable("realm", "kid-1", List.of(dedicatedKey));
        memo.forget("realm", "kid-1");
        assertFalse(memo.knownUsable("realm", "kid-1", List.of(dedicatedKey)));
    }

    @Test
    void it_stays_bounded() {
        for (int i = 0; i < UsableKeyMemo.MAX_ENTRIES * 3; i++) {
            memo.recordUsable("realm-" + i, "kid", List.of(dedicatedKey));
        }
        assertTrue(memo.size() <= UsableKeyMemo.MAX_ENTRIES);
        assertEquals(
                true, memo.knownUsable("realm-" + (UsableKeyMemo.MAX_ENTRIES * 3 - 1), "kid", List.of(dedicatedKey)));
    }

    private static ComponentModel component(String name) {
        ComponentModel model = new ComponentModel();
        model.setId(name + "-id");
        model.setName(name);
        model.setProviderType("org.keycloak.keys.KeyProvider");
        return model;
    }
}
