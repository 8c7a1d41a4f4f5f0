package io.github.kclogingov.it.support;

import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * What every test class against the real Keycloak holds: the admin client and Keycloak's URLs (the
 * test framework injects superclass fields too), the shared simulator, and the class's own realm.
 * Each subclass still carries {@code @KeycloakIntegrationTest(config = LoginGovServerConfig.class)},
 * so that all of them share one server.
 */
public abstract class BrokerIntegrationTest {

    @InjectAdminClient
    protected Keycloak admin;

    @InjectKeycloakUrls
    protected KeycloakUrls urls;

    protected final LoginGovSimulator simulator = SharedSimulator.get();

    /** The test class's realm, set by its {@code @BeforeEach} through {@link #realmOfThisClass}. */
    protected BrokerRealm realm;

    /** The server is the Keycloak version this run is for ({@link KeycloakUnderTest}). */
    @BeforeEach
    protected void keycloakIsTheVersionUnderTest() {
        KeycloakUnderTest.checkServer(admin);
    }

    /** The realm named {@code name}, imported on the class's first test and kept for the others. */
    protected BrokerRealm realmOfThisClass(String name, Registration registration) {
        return BrokerRealm.forTestClass(admin, urls.getBase(), name, registration);
    }
}
