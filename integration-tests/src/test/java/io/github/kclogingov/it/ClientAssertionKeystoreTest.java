package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.ClientAssertionCertificate;
import io.github.kclogingov.it.support.KeycloakVault;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.PrivateKeys;
import io.github.kclogingov.it.support.RealmKeyComponents;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedTokenRequest;
import io.github.kclogingov.simulator.SelfSignedKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An agency that keeps its client assertion key out of Keycloak's database: a PKCS#12 key store
 * on the server's disk, read by Keycloak's own {@code java-keystore} key provider, whose two
 * passwords are in Keycloak's file vault ({@code ${vault.…}}). The provider takes the key like any
 * other passive realm key: checked on save, its certificate downloadable, and it signs.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class ClientAssertionKeystoreTest extends BrokerIntegrationTest {

    private static final String REALM = "keystore";
    private static final String KEY_ALIAS = "logingov";

    private final SimulatorAdmin portal = SimulatorAdmin.shared();

    @BeforeEach
    void realm() {
        realm = realmOfThisClass(REALM, Registration.VERIFIED);
        realm.reset("verified");
    }

    @Test
    void a_key_in_a_java_keystore_with_its_passwords_in_the_vault_signs_the_client_assertion() throws Exception {
        SelfSignedKey key = SelfSignedKey.generate("CN=agency keystore, OU=Login.gov client assertion");
        String password = UUID.randomUUID().toString();
        Path keystore = keystore(key, password);
        String vaultExpression = KeycloakVault.put(REALM, "logingovkeystore", password);

        String component = RealmKeyComponents.addKeystore(
                realm.resource(),
                "logingov-keystore-" + UUID.randomUUID(),
                Map.of(
                        "keystore", keystore.toString(),
                        "keystoreType", "PKCS12",
                        "keystorePassword", vaultExpression,
                        "keyAlias", KEY_ALIAS,
                        "keyPassword", vaultExpression,
                        "algorithm", "RS256",
                        "active", "false",
                        "enabled", "true",
                        "priority", "0"));
        KeyMetadataRepresentation loaded = RealmKeyComponents.keyOf(realm.resource(), component);
        assertEquals("PASSIVE", loaded.getStatus());

        // Saving checks the key as it checks a generated one, and accepts it.
        realm.updateIdentityProvider(Map.of("logingovSigningKeyId", loaded.getKid()));
        String described = realm.identityProvider().getConfig().get("logingovSigningKeyCertificate");
        assertTrue(described.contains("CN=agency keystore") && described.contains(", expires "), described);

        // Its certificate is the one to upload to the partner portal.
        HttpResponse<String> pem = ClientAssertionCertificate.download(realm, BrokerRealm.ALIAS);
        assertEquals(200, pem.statusCode());
        assertEquals(key.certificate(), ClientAssertionCertificate.parse(pem.body()));
        portal.addCertificate(realm.loginGovClientId(), pem.body());

        simulator.recorder().clear();
        new SignInFlow(realm).signInClaims(Map.of());
        List<RecordedTokenRequest> calls = simulator.recorder().tokenRequests();
        assertEquals(1, calls.size());
        assertEquals(200, calls.get(0).status(), calls.get(0)::error);
        assertEquals(loaded.getKid(), calls.get(0).assertionHeader().get("kid"), "the key store's key signed");
        assertEquals(1, calls.get(0).verifiedByCertificate(), "verified by its certificate");

        // Keycloak holds only the vault expressions: no password, no private key.
        ComponentRepresentation stored =
                realm.resource().components().component(component).toRepresentation();
        assertFalse(stored.getConfig().toString().contains(password), "no password in the component");
        assertTrue(PrivateKeys.in(stored.getConfig().toString()).isEmpty(), "no private key in the component");
        assertFalse(ServerLog.content().contains(password), "no password in the server log");

        portal.removeCertificate(realm.loginGovClientId(), pem.body());
    }

    /** A PKCS#12 key store on disk holding {@code key} and its certificate, both under {@code password}. */
    private static Path keystore(SelfSignedKey key, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(KEY_ALIAS, key.privateKey(), password.toCharArray(), new Certificate[] {key.certificate()});
        // Keycloak takes a realm's key store files from its own directory for the realm only.
        Path file = Files.createDirectories(KeycloakVault.keystores().resolve(REALM))
                .resolve("logingov-client-assertion.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
