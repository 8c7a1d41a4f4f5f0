package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SecurityEventPush.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SecurityEventPush;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventTokens;
import io.github.kclogingov.protocol.SecurityEventType;
import io.github.kclogingov.simulator.SecurityEventDelivery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Login.gov gives up on a push after 3 seconds (and sends it again): an application whose
 * back-channel logout endpoint hangs must not hold the answer. The logout reaches it after the 202.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class SlowApplicationSecurityEventTest extends BrokerIntegrationTest {

    /** How long the application's back-channel logout endpoint takes to answer. */
    static final Duration HANG = Duration.ofSeconds(8);

    HttpServer application;
    final List<String> logoutRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void applicationWithAHangingLogoutEndpoint() throws IOException {
        realm = realmOfThisClass("slow-app-signals", Registration.VERIFIED);
        realm.reset("verified");
        application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.setExecutor(Executors.newFixedThreadPool(2));
        application.createContext("/backchannel-logout", exchange -> {
            logoutRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(HANG.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        application.start();
        ClientRepresentation app = realm.appClient();
        Map<String, String> attributes = new HashMap<>(app.getAttributes());
        attributes.put(
                "backchannel.logout.url",
                "http://127.0.0.1:" + application.getAddress().getPort() + "/backchannel-logout");
        attributes.put("backchannel.logout.session.required", "true");
        app.setAttributes(attributes);
        realm.resource().clients().get(app.getId()).update(app);
    }

    @AfterEach
    void stopApplication() {
        application.stop(0);
    }

    @Test
    void the_answer_comes_within_login_gov_timeout_and_the_logout_follows() {
        new SignInFlow(realm).signInClaims(Map.of());
        String userId = realm.resource().users().list().get(0).getId();
        SecurityEventPush push = new SecurityEventPush(realm, simulator);

        long start = System.nanoTime();
        SecurityEventDelivery delivery = push.send("verified", SecurityEventType.ACCOUNT_DISABLED);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(202, delivery.status(), delivery.body());
        assertEquals(1, delivery.attempts(), "answered on the first attempt: Login.gov would not send it again");
        assertTrue(
                answeredIn.compareTo(SecurityEventTokens.DELIVERY_TIMEOUT) < 0,
                "answered in " + answeredIn.toMillis() + " ms");
        assertTrue(
                eventually(Duration.ofSeconds(10), () -> !logoutRequests.isEmpty()),
                "the application receives its back-channel logout after the answer");
        assertTrue(logoutRequests.get(0).startsWith("logout_token="), logoutRequests.get(0));
        assertTrue(
                eventually(
                        HANG.plusSeconds(10),
                        () -> realm.resource()
                                .users()
                                .get(userId)
                                .getUserSessions()
                                .isEmpty()),
                "the session ends once the application has answered (or Keycloak gave up on it)");
    }
}
