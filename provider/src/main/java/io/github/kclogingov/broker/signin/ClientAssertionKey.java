package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.util.List;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.AsymmetricSignatureSignerContext;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm key that signs client assertions for Login.gov, pinned by {@code kid}.
 *
 * <p>The stock broker signs with the realm's active key, the one that also signs every token
 * Keycloak issues; its certificate would then sit in Login.gov's portal and a rotation of the
 * realm's keys would break the sign-in. The pinned key must be a <em>passive</em> RSA key:
 * Keycloak never signs its own tokens with a passive key, so the key serves Login.gov alone.
 */
public final class ClientAssertionKey {

    /** Node-wide: the verdicts of {@link #checkUsable}, remembered while the realm's keys stay the same. */
    private static final UsableKeyMemo MEMO = new UsableKeyMemo();

    private ClientAssertionKey() {}

    /**
     * Before a person is sent to Login.gov: fails now, not after they signed in there, when the
     * token call could not be authenticated. A key found usable is not looked up again until the
     * realm's keys change ({@link UsableKeyMemo}), so a sign-in looks its key up once, at the token
     * call ({@link #signer}).
     *
     * @throws LoginGovLoginException as {@link #signer} does
     */
    public static void checkUsable(KeycloakSession session, RealmModel realm, Optional<String> configuredKid) {
        if (configuredKid.isPresent() && MEMO.knownUsable(realm.getId(), configuredKid.get(), keyComponents(realm))) {
            return;
        }
        signer(session, realm, configuredKid);
    }

    /**
     * The signer of the token call's client assertion, from the key as the realm holds it now.
     *
     * @param configuredKid the provider's "Client assertion key ID", if set
     * @throws LoginGovLoginException when none is set, or it names no usable passive RSA key
     */
    public static SignatureSignerContext signer(
            KeycloakSession session, RealmModel realm, Optional<String> configuredKid) {
        String kid = configuredKid.orElseThrow(() -> new LoginGovLoginException(
                FailureCode.CLIENT_ASSERTION_KEY,
                "No client assertion key is configured "
                        + "for Login.gov. An administrator must set 'Client assertion key ID'."));
        // Read before the lookup: a change made meanwhile gives new components, which the memo misses.
        List<ComponentModel> keyComponents = keyComponents(realm);
        try {
            KeyWrapper key = usableKey(session, realm, kid);
            MEMO.recordUsable(realm.getId(), kid, keyComponents);
            return new AsymmetricSignatureSignerContext(key);
        } catch (LoginGovLoginException unusable) {
            MEMO.forget(realm.getId(), kid);
            throw unusable;
        }
    }

    private static KeyWrapper usableKey(KeycloakSession session, RealmModel realm, String kid) {
        KeyWrapper key = session.keys().getKey(realm, kid, KeyUse.SIG, LoginGovProtocol.SIGNING_ALGORITHM);
        if (key == null || key.getPrivateKey() == null || !KeyType.RSA.equals(key.getType())) {
            throw new LoginGovLoginException(
                    FailureCode.CLIENT_ASSERTION_KEY,
                    "The client assertion key '" + kid + "' is not an enabled RSA (RS256) key of this realm. "
                            + "An administrator must fix the Login.gov identity provider's 'Client assertion key ID'.");
        }
        KeyWrapper realmSigningKey = session.keys().getActiveKey(realm, KeyUse.SIG, LoginGovProtocol.SIGNING_ALGORITHM);
        boolean signsRealmTokens = key.getStatus() == KeyStatus.ACTIVE
                || (realmSigningKey != null && kid.equals(realmSigningKey.getKid()));
        if (signsRealmTokens) {
            throw new LoginGovLoginException(
                    FailureCode.CLIENT_ASSERTION_KEY,
                    "The client assertion key '" + kid + "' is an active realm key, which also signs "
                            + "Keycloak's own tokens. An administrator must make it passive or pin a dedicated passive key.");
        }
        if (key.getAlgorithm() == null) {
            key.setAlgorithm(LoginGovProtocol.SIGNING_ALGORITHM);
        }
        return key;
    }

    /** The realm's key providers, as the realm cache holds them (see {@link UsableKeyMemo}). */
    private static List<ComponentModel> keyComponents(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), KeyProvider.class.getName())
                .toList();
    }
}
