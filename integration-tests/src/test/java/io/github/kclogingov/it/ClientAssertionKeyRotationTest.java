package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.ClientAssertionCertificate;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.RealmKeyComponents;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedTokenRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The key rotation of docs/administrators.md, step by step, against a real Keycloak and the simulator over HTTP:
 * sign-ins keep working at every step, because Login.gov tries an assertion against every
 * certificate registered for the client.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class ClientAssertionKeyRotationTest extends BrokerIntegrationTest {

    private final SimulatorAdmin portal = SimulatorAdmin.shared();

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("keyrotation", Registration.VERIFIED);
        realm.reset("verified");
    }

    /** A sign-in through Login.gov; the client assertion of its token call as the simulator saw it. */
    private RecordedTokenRequest signIn() {
        simulator.recorder().clear();
        new SignInFlow(realm).signInClaims(Map.of());
        List<RecordedTokenRequest> calls = simulator.recorder().tokenRequests();
        assertEquals(1, calls.size());
        assertEquals(200, calls.get(0).status(), calls.get(0)::error);
        return calls.get(0);
    }

    @Test
    void the_key_is_rotated_without_a_failed_sign_in() {
        // Key 1 (the realm's imported passive key) signs, its certificate alone registered.
        RecordedTokenRequest before = signIn();
        assertEquals(BrokerRealm.KEY_ID, before.assertionHeader().get("kid"));
        String key1Component = RealmKeyComponents.named(realm.resource(), BrokerRealm.KEY_ID)
                .get(0)
                .getId();

        // 1. The admin adds key 2: a second passive rsa-generated key.
        String key2Component = RealmKeyComponents.addGenerated(
                realm.resource(), "logingov-client-assertion-2", Map.of("active", "false", "priority", "0"));
        String key2 = RealmKeyComponents.keyOf(realm.resource(), key2Component).getKid();

        // 2. Downloads its certificate and uploads it to the partner portal, beside key 1's.
        HttpResponse<String> download = ClientAssertionCertificate.download(realm, BrokerRealm.ALIAS, key2);
        assertEquals(200, download.statusCode());
        portal.addCertificate(realm.loginGovClientId(), download.body());
        RecordedTokenRequest overlap = signIn();
        assertEquals(BrokerRealm.KEY_ID, overlap.assertionHeader().get("kid"), "key 1 still signs");
        assertEquals(0, overlap.verifiedByCertificate());

        // 3. Switches the provider to key 2.
        realm.updateIdentityProvider(Map.of("logingovSigningKeyId", key2));
        RecordedTokenRequest switched = signIn();
        assertEquals(key2, switched.assertionHeader().get("kid"), "the simulator sees key 2");
        assertEquals(1, switched.verifiedByCertificate(), "verified by the second certificate");
        assertEquals(
                ClientAssertionCertificate.parse(download.body()),
                ClientAssertionCertificate.parse(ClientAssertionCertificate.download(realm, BrokerRealm.ALIAS)
                        .body()),
                "the provider's PEM URL now serves key 2's certificate");
        assertTrue(realm.identityProvider()
                .getConfig()
                .get("logingovSigningKeyCertificate")
                .startsWith("CN=keyrotation, expires "));

        // 4. Removes key 1 from the realm and its certificate from the portal.
        realm.resource().components().component(key1Component).remove();
        portal.removeCertificate(
                realm.loginGovClientId(), realm.clientAssertionKey().certificatePem());
        RecordedTokenRequest after = signIn();
        assertEquals(key2, after.assertionHeader().get("kid"));
        assertEquals(0, after.verifiedByCertificate(), "key 2's certificate is the only one left");
    }
}
