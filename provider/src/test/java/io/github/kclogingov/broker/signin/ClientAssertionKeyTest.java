package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How often a sign-in looks its client-assertion key up in Keycloak's key manager: once, at the
 * token call, once the check before the redirect has found it usable and the realm's keys are the
 * same objects (issue 19). Keycloak's session, realm and key manager are stand-ins that count.
 */
class ClientAssertionKeyTest {

    static final String KID = "logingov-client-assertion";

    private static final KeyPair KEY_PAIR = rsaKeyPair();

    /** A realm's key state: its key components (as the realm cache hands them out) and the pinned key's status. */
    private final String realmId = "realm-" + UUID.randomUUID();

    private List<ComponentModel> keyComponents = List.of(component("dedicated"), component("rsa-generated"));
    private KeyStatus pinnedKeyStatus = KeyStatus.PASSIVE;
    private int lookups;

    @Test
    void a_sign_in_looks_its_key_up_once_when_the_realms_keys_are_unchanged() {
        signIn(); // the first: the check before the redirect looks the key up, and the token call again
        assertEquals(2, lookups);

        lookups = 0;
        signIn();
        signIn();
        assertEquals(2, lookups, "two more sign-ins: one lookup each, at the token call");
    }

    @Test
    void a_change_to_the_realms_keys_is_looked_up_before_the_redirect_again() {
        signIn();
        keyComponents = List.of(component("dedicated"), component("rsa-generated")); // the realm cache reloaded
        pinnedKeyStatus = KeyStatus.ACTIVE; // an admin made the dedicated key active

        lookups = 0;
        LoginGovLoginException refused = assertThrows(
                LoginGovLoginException.class,
                () -> ClientAssertionKey.checkUsable(session(), realm(), Optional.of(KID)));
        assertEquals(1, lookups, "looked up, and refused, before the person is sent to Login.gov");
        assertEquals(true, refused.getMessage().contains("is an active realm key"), refused.getMessage());
    }

    @Test
    void a_key_refused_at_the_token_call_is_looked_up_before_the_next_redirect() {
        signIn();
        pinnedKeyStatus = KeyStatus.DISABLED; // a change the same component objects would not show

        assertThrows(
                LoginGovLoginException.class, () -> ClientAssertionKey.signer(session(), realm(), Optional.of(KID)));
        lookups = 0;
        assertThrows(
                LoginGovLoginException.class,
                () -> ClientAssertionKey.checkUsable(session(), realm(), Optional.of(KID)));
        assertEquals(1, lookups, "the refusal was not remembered as usable");
    }

    @Test
    void no_configured_key_is_refused_at_once() {
        assertThrows(
                LoginGovLoginException.class,
                () -> ClientAssertionKey.checkUsable(session(), realm(), Optional.empty()));
        assertEquals(0, lookups);
    }

    private void signIn() {
        ClientAssertionKey.checkUsable(session(), realm(), Optional.of(KID));
        assertNotNull(ClientAssertionKey.signer(session(), realm(), Optional.of(KID)));
    }

    private KeycloakSession session() {
        KeyManager keys = (KeyManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeyManager.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getKey" -> {
                            lookups++;
                            return pinnedKeyStatus == KeyStatus.DISABLED ? null : pinnedKey();
                        }
                        case "getActiveKey" -> {
                            return pinnedKeyStatus == KeyStatus.ACTIVE ? pinnedKey() : null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
        return (KeycloakSession) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("keys")) {
                        return keys;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private RealmModel realm() {
        return (RealmModel) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RealmModel.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getId" -> {
                            return realmId;
                        }
                        case "getComponentsStream" -> {
                            return keyComponents.stream();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private KeyWrapper pinnedKey() {
        KeyWrapper key = new KeyWrapper();
        key.setKid(KID);
        key.setType(KeyType.RSA);
        key.setUse(KeyUse.SIG);
        key.setAlgorithm("RS256");
        key.setStatus(pinnedKeyStatus);
        key.setPrivateKey(KEY_PAIR.getPrivate());
        key.setPublicKey(KEY_PAIR.getPublic());
        return key;
    }

    private static ComponentModel component(String name) {
        ComponentModel model = new ComponentModel();
        model.setId(name + "-id");
        model.setName(name);
        return model;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
