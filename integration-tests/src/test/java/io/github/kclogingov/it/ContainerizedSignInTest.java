package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.KeycloakUnderTest;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.SimulatorConfig;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.Testcontainers;
import org.testcontainers.junit.jupiter.Container;

/**
 * The happy path in Keycloak's official container image with the provider JAR mounted, the way
 * many agencies run Keycloak. Needs a Docker daemon; without one the class is skipped.
 */
@org.testcontainers.junit.jupiter.Testcontainers(disabledWithoutDocker = true)
class ContainerizedSignInTest {

    /** The name under which the container reaches ports of this machine. */
    static final String HOST_FROM_CONTAINER = "host.testcontainers.internal";

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer(
                    "quay.io/keycloak/keycloak:" + KeycloakUnderTest.version())
            .withProviderLibsFrom(List.of(new File(System.getProperty("logingov.providerJar"))));

    static LoginGovSimulator simulator;

    @BeforeAll
    static void simulatorReachableFromTheContainer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Testcontainers.exposeHostPorts(port);
        simulator = LoginGovSimulator.start(
                SimulatorConfig.builder()
                        .issuer("http://" + HOST_FROM_CONTAINER + ":" + port + "/")
                        .mode(Mode.AUTOMATIC)
                        .build(),
                port);
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_person_signs_in_through_login_gov() {
        BrokerRealm realm = BrokerRealm.create(
                KEYCLOAK.getKeycloakAdminClient(),
                KEYCLOAK.getAuthServerUrl().replaceAll("/$", ""),
                "container",
                simulator,
                Registration.VERIFIED);
        // This JVM reaches the simulator on localhost; Keycloak in the container calls it by the host name.
        HttpBrowser browser = new HttpBrowser(uri -> HOST_FROM_CONTAINER.equals(uri.getHost())
                ? URI.create(uri.toString().replace("//" + HOST_FROM_CONTAINER + ":", "//localhost:"))
                : uri);

        HttpBrowser.Page end = new SignInFlow(realm, browser).signIn(Map.of());

        assertTrue(end.isRedirect() && SignInFlow.isApplication(end.location()), () -> "sign-in failed: " + end);
        assertEquals(1, realm.resource().users().count());
    }
}
