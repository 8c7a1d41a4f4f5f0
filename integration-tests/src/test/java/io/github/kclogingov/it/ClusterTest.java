package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.KeycloakCluster.NODE_A;
import static io.github.kclogingov.it.support.KeycloakCluster.NODE_B;
import static io.github.kclogingov.it.support.SecurityEventPush.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.ClientAssertionCertificate;
import io.github.kclogingov.it.support.ClusterDatabase;
import io.github.kclogingov.it.support.ClusterFrontDoor;
import io.github.kclogingov.it.support.FraudReportApi;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.KeycloakCluster;
import io.github.kclogingov.it.support.KeycloakNode;
import io.github.kclogingov.it.support.KeycloakUnderTest;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.RealmKeyComponents;
import io.github.kclogingov.it.support.SecurityEventPush;
import io.github.kclogingov.it.support.SharedSimulator;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventType;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Outage;
import io.github.kclogingov.simulator.Outages;
import io.github.kclogingov.simulator.ReceivedPartnerEvent;
import io.github.kclogingov.simulator.RecordedAuthorization;
import io.github.kclogingov.simulator.RecordedTokenRequest;
import io.github.kclogingov.simulator.SecurityEventDelivery;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;

/**
 * The provider in a two-node Keycloak cluster on this machine ({@link KeycloakCluster}): both nodes
 * share one PostgreSQL and Keycloak's own clustering (default cache stack), and present one public
 * URL, a front door that the test points at node A or node B request by request. That is how a
 * sign-in can start on one node and have Login.gov's callback land on the other, which a load
 * balancer without sticky sessions does at random; here it is chosen, and each test checks from
 * the front door's record which node answered each hop.
 *
 * <p>The nodes are started once for the class (about a minute and a half; the time is printed),
 * every scenario runs against them, and the last one stops node A. Not run against the oldest
 * supported Keycloak: integration-tests/pom.xml leaves it out of that execution, and gives the
 * distribution to start only to the other one (so {@code -Dtest=ClusterTest}, which overrides
 * the exclusion, reports it disabled there). Skipped, with the reason, when PostgreSQL cannot run
 * on this machine.
 */
@EnabledIfSystemProperty(
        named = "logingov.cluster.keycloakHome",
        matches = ".+",
        disabledReason = "the cluster runs only in the execution against keycloak.version (integration-tests/pom.xml)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final Duration LOGOUT_TIME = Duration.ofSeconds(15);
    private static final String LOGIN = "/broker/" + BrokerRealm.ALIAS + "/login";
    private static final String CALLBACK = "/broker/" + BrokerRealm.ALIAS + "/endpoint";
    private static final String PUSH = "/logingov/" + BrokerRealm.ALIAS + "/security-events";

    private static KeycloakCluster cluster;
    private static ClusterFrontDoor frontDoor;
    private static KeycloakNode nodeA;
    private static KeycloakNode nodeB;
    private static Keycloak adminA;
    private static Keycloak adminB;
    private static BrokerRealm realm;
    private static long started;

    private final LoginGovSimulator simulator = SharedSimulator.get();

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        started = System.nanoTime();
        try {
            cluster = KeycloakCluster.start(
                    Path.of(property("logingov.cluster.workDirectory")),
                    Path.of(property("logingov.cluster.keycloakHome")),
                    Path.of(property("logingov.providerJar")));
        } catch (ClusterDatabase.Unavailable e) {
            Assumptions.abort("PostgreSQL cannot run on this machine, so neither can the cluster: " + e.getMessage());
        }
        System.out.println("ClusterTest: " + cluster.startupFigures());
        frontDoor = cluster.frontDoor();
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
        adminA = cluster.adminOf(nodeA);
        adminB = cluster.adminOf(nodeB);
        // Imported through the front door (node A), registered at the simulator with the public URLs.
        realm = BrokerRealm.create(
                cluster.admin(), frontDoor.url(), "cluster", SharedSimulator.get(), Registration.VERIFIED);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
            System.out.printf(
                    "ClusterTest: whole class, cluster start and stop included, %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
        }
    }

    @BeforeEach
    void freshState() {
        frontDoor.routeTo(nodeA.isRunning() ? nodeA : nodeB);
        realm.reset("verified");
        frontDoor.clearHits();
    }

    @Test
    @Order(1)
    void the_nodes_are_one_cluster_and_serve_the_same_provider_configuration_and_key() {
        assertEquals(List.of(NODE_A, NODE_B), nodeA.clusterMembers(), "node A's cluster view");
        assertEquals(List.of(NODE_A, NODE_B), nodeB.clusterMembers(), "node B's cluster view");
        assertEquals(KeycloakUnderTest.version(), version(adminA));
        assertEquals(KeycloakUnderTest.version(), version(adminB));

        // Both present the public URL, whichever node is asked directly: the issuer, and the URLs
        // derived from it that are registered at Login.gov.
        for (KeycloakNode node : List.of(nodeA, nodeB)) {
            JsonNode discovery = json(ClientAssertionCertificate.get(
                            node.url() + "/realms/" + realm.name() + "/.well-known/openid-configuration")
                    .body());
            assertEquals(realm.realmUrl(), discovery.get("issuer").asText(), node.name() + "'s issuer");
        }
        IdentityProviderRepresentation onA = provider(adminA);
        IdentityProviderRepresentation onB = provider(adminB);
        assertEquals("login.gov", onB.getProviderId());
        assertEquals(onA.getConfig(), onB.getConfig(), "the provider's configuration, read from each node");
        assertEquals(realm.pushUrl(BrokerRealm.ALIAS), onB.getConfig().get("logingovSecurityEventsPushUrl"));

        KeyMetadataRepresentation keyOnA =
                RealmKeyComponents.keyWithKid(adminA.realm(realm.name()), BrokerRealm.KEY_ID);
        KeyMetadataRepresentation keyOnB =
                RealmKeyComponents.keyWithKid(adminB.realm(realm.name()), BrokerRealm.KEY_ID);
        assertEquals(keyOnA.getPublicKey(), keyOnB.getPublicKey(), "the client assertion key");
        assertEquals(keyOnA.getCertificate(), keyOnB.getCertificate());
        assertEquals(
                ClientAssertionCertificate.base64(ClientAssertionCertificate.parse(
                        realm.clientAssertionKey().certificatePem())),
                keyOnB.getCertificate(),
                "the key registered at Login.gov");
        HttpResponse<String> pemOfA = ClientAssertionCertificate.get(certificateUrl(nodeA));
        HttpResponse<String> pemOfB = ClientAssertionCertificate.get(certificateUrl(nodeB));
        assertEquals(200, pemOfA.statusCode());
        assertEquals(pemOfA.body(), pemOfB.body(), "the certificate download of each node");
    }

    @Test
    @Order(2)
    void a_sign_in_started_on_one_node_completes_on_the_other_with_the_same_user_link_and_level() {
        // The first sign-in: Keycloak's first broker login (the user and its link made) runs on B.
        JsonNode first = signInAcross(nodeA, nodeB, Map.of("acr_values", "verified"));
        // The next one the other way round: A finds the user B made.
        JsonNode second = signInAcross(nodeB, nodeA, Map.of("acr_values", "verified"));

        for (JsonNode claims : List.of(first, second)) {
            assertEquals("verified", claims.get("acr").asText());
            assertEquals(Levels.VERIFIED, claims.get("logingov_ial").asText());
        }
        assertEquals(first.get("sub").asText(), second.get("sub").asText(), "the same Keycloak user");
        String userId = first.get("sub").asText();
        assertEquals(1, realm.resource().users().list().size());
        String loginGovSub = simulator.subjectOf("verified", realm.loginGovClientId());
        for (Keycloak admin : List.of(adminA, adminB)) {
            List<FederatedIdentityRepresentation> links =
                    admin.realm(realm.name()).users().get(userId).getFederatedIdentity();
            assertEquals(1, links.size());
            assertEquals(BrokerRealm.ALIAS, links.get(0).getIdentityProvider());
            assertEquals(loginGovSub, links.get(0).getUserId(), "linked by Login.gov's sub");
        }
    }

    @Test
    @Order(3)
    void a_step_up_started_on_node_b_raises_a_session_made_on_node_a() {
        SignInFlow flow = new SignInFlow(realm);
        JsonNode first = flow.signInClaims(Map.of("acr_values", "auth-only"));
        assertEquals("auth-only", first.get("acr").asText());
        assertTrue(frontDoor.hits().stream().allMatch(hit -> hit.node().equals(NODE_A)), frontDoor.hits()::toString);

        frontDoor.routeTo(nodeB);
        frontDoor.clearHits();
        HttpBrowser.Page stepUp = flow.authorize(Map.of("acr_values", "verified"));
        assertTrue(
                stepUp.isRedirect() && stepUp.location().getPath().endsWith(LOGIN),
                () -> "node B must know A's session and send the person straight back to Login.gov, not " + stepUp);
        JsonNode raised = flow.claimsAtApplication(flow.continueToApplication(stepUp));

        assertEquals("verified", raised.get("acr").asText());
        assertEquals(Levels.VERIFIED, raised.get("logingov_ial").asText());
        assertEquals(first.get("sub").asText(), raised.get("sub").asText());
        assertEquals(first.get("sid").asText(), raised.get("sid").asText(), "the session made on A, raised on B");
        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size());
        assertEquals(Levels.VERIFIED, authorizations.get(1).parameter("acr_values"));
        assertTrue(frontDoor.hits().stream().allMatch(hit -> hit.node().equals(NODE_B)), frontDoor.hits()::toString);
    }

    @Test
    @Order(4)
    void a_security_event_replayed_to_node_b_is_acted_on_once() {
        new SignInFlow(realm).signInClaims(Map.of());
        String userId = realm.resource().users().list().get(0).getId();
        UserResource user = realm.resource().users().get(userId);
        SecurityEventPush push = new SecurityEventPush(realm, simulator);

        SecurityEventDelivery first = push.send("verified", SecurityEventType.PASSWORD_RESET);
        assertEquals(202, first.status(), first.body());
        assertEquals(NODE_A, frontDoor.nodeThatServed("POST", PUSH));
        assertTrue(push.recorded(first.jti(), "signed-out").isPresent(), "node A acted on it");
        assertTrue(eventually(LOGOUT_TIME, () -> user.getUserSessions().isEmpty()), "and ended the session");
        Integer notBefore = user.toRepresentation().getNotBefore();
        // The person signs in again after the event: a session that the event must not end twice.
        new SignInFlow(realm).signInClaims(Map.of());

        frontDoor.routeTo(nodeB);
        frontDoor.clearHits();
        HttpResponse<String> replay = push.post(first.token());

        assertEquals(202, replay.statusCode(), replay.body());
        assertEquals(NODE_B, frontDoor.nodeThatServed("POST", PUSH));
        assertTrue(
                push.recorded(first.jti(), "duplicate-already-handled").isPresent(),
                "node B found the jti node A claimed");
        assertEquals(
                1,
                push.recorded().stream()
                        .filter(event -> first.jti().equals(event.getDetails().get("logingov_jti")))
                        .filter(event -> "signed-out".equals(event.getDetails().get("logingov_action")))
                        .count(),
                "acted on once");
        assertEquals(notBefore, user.toRepresentation().getNotBefore(), "tokens issued since were not revoked again");
        assertEquals(1, user.getUserSessions().size(), "the new session lives on");
    }

    @Test
    @Order(5)
    void a_key_rotation_made_through_node_a_signs_on_node_b() {
        RealmResource onA = adminA.realm(realm.name());
        String component = RealmKeyComponents.addGenerated(
                onA, "logingov-client-assertion-2", Map.of("active", "false", "priority", "0"));
        String key2 = RealmKeyComponents.keyOf(onA, component).getKid();
        HttpResponse<String> download = ClientAssertionCertificate.download(realm, BrokerRealm.ALIAS, key2);
        assertEquals(200, download.statusCode());
        SimulatorAdmin.shared().addCertificate(realm.loginGovClientId(), download.body());
        IdentityProviderRepresentation provider = provider(adminA);
        provider.getConfig().put("logingovSigningKeyId", key2);
        onA.identityProviders().get(BrokerRealm.ALIAS).update(provider);

        frontDoor.routeTo(nodeB);
        frontDoor.clearHits();
        simulator.recorder().clear();
        new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(NODE_B, frontDoor.nodeThatServed("GET", CALLBACK), "node B made the token call");
        RecordedTokenRequest call = simulator.recorder().tokenRequests().get(0);
        assertEquals(200, call.status(), call::error);
        assertEquals(key2, call.assertionHeader().get("kid"), "signed with the key made on A");
        assertEquals(1, call.verifiedByCertificate(), "verified by the second certificate registered");
        assertEquals(key2, provider(adminB).getConfig().get("logingovSigningKeyId"));
        assertEquals(
                ClientAssertionCertificate.parse(download.body()),
                ClientAssertionCertificate.parse(
                        ClientAssertionCertificate.get(certificateUrl(nodeB)).body()),
                "node B's download serves the new key's certificate");
    }

    /** Node A stays down until the last test starts it again. */
    /**
     * Both nodes sweep the fraud reports every few seconds; each report is delivered once. Four
     * reports made on node A wait out an outage of Login.gov's security events endpoint; once it is
     * back, each arrives at Login.gov exactly once (no second delivery, which Login.gov would
     * answer {@code dup}), whichever node's sweep took it, and node B reads them delivered.
     */
    @Test
    @Order(6)
    void fraud_reports_waiting_out_an_outage_are_delivered_once_each_with_both_nodes_sweeping() {
        new SignInFlow(realm).signInClaims(Map.of());
        String userId = realm.resource().users().list().get(0).getId();
        FraudReportApi onA = new FraudReportApi(adminA, nodeA.url(), realm.name());
        FraudReportApi onB = new FraudReportApi(adminB, nodeB.url(), realm.name());
        simulator.recorder().clearPartnerEvents();
        List<String> ids = new java.util.ArrayList<>();
        simulator.outages().set(Outages.Endpoint.PARTNER_EVENTS, Outage.HTTP_500);
        try {
            for (int i = 0; i < 4; i++) {
                FraudReportApi.Answer made = onA.report(userId, "identity-fraud-detected", "");
                assertEquals("RETRYING", made.state(), made.toString());
                ids.add(made.body().path("id").asText());
            }
        } finally {
            simulator.outages().clear();
        }
        for (String id : ids) {
            FraudReportApi.Answer delivered =
                    onB.await(id, report -> "DELIVERED".equals(report.state()), Duration.ofSeconds(60));
            assertEquals("DELIVERED", delivered.state(), delivered.toString());
            assertEquals(2, delivered.body().path("attempts").asInt(), delivered.toString());
            String jti = delivered.body().path("jti").asText();
            List<ReceivedPartnerEvent> received = simulator.recorder().partnerEvents().stream()
                    .filter(event -> jti.equals(event.jti()))
                    .toList();
            assertEquals(1, received.size(), "delivered once: " + received);
            assertEquals(202, received.get(0).status());
        }
    }

    @Test
    @Order(7)
    void with_node_a_stopped_mid_sign_in_node_b_finishes_it_and_serves_new_sign_ins() throws InterruptedException {
        // A fraud report node A makes while Login.gov's endpoint is down outlives node A.
        new SignInFlow(realm).signInClaims(Map.of());
        String reportedUser = realm.resource().users().list().get(0).getId();
        simulator.outages().set(Outages.Endpoint.PARTNER_EVENTS, Outage.HTTP_500);
        FraudReportApi.Answer waiting;
        try {
            waiting = new FraudReportApi(adminA, nodeA.url(), realm.name())
                    .report(reportedUser, "identity-fraud-detected", "");
        } finally {
            simulator.outages().clear();
        }
        assertEquals("RETRYING", waiting.state(), waiting.toString());
        simulator.recorder().clear();
        frontDoor.clearHits();

        SignInFlow interrupted = new SignInFlow(realm);
        HttpBrowser.Page toLoginGov = interrupted.pressLoginGov(interrupted.openLoginPage(Map.of()));
        assertTrue(toLoginGov.location().toString().startsWith(simulator.issuer()), toLoginGov::toString);
        assertEquals(NODE_A, frontDoor.nodeThatServed("GET", LOGIN));

        nodeA.stop();
        assertFalse(nodeA.isRunning());
        nodeB.awaitClusterView(List.of(NODE_B), Duration.ofMinutes(1));
        frontDoor.routeTo(nodeB);
        frontDoor.clearHits();

        JsonNode resumed = interrupted.claimsAtApplication(interrupted.continueToApplication(toLoginGov));
        assertEquals(NODE_B, frontDoor.nodeThatServed("GET", CALLBACK));
        JsonNode fresh = new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(resumed.get("sub").asText(), fresh.get("sub").asText(), "the same user");
        assertNotEquals(resumed.get("sid").asText(), fresh.get("sid").asText(), "two browsers, two sessions");
        assertTrue(frontDoor.hits().stream().allMatch(hit -> hit.node().equals(NODE_B)), frontDoor.hits()::toString);
        assertEquals(2, simulator.recorder().tokenRequests().size());

        FraudReportApi.Answer delivered = new FraudReportApi(adminB, nodeB.url(), realm.name())
                .await(
                        waiting.body().path("id").asText(),
                        report -> "DELIVERED".equals(report.state()),
                        Duration.ofSeconds(60));
        assertEquals("DELIVERED", delivered.state(), "node B delivered what node A left: " + delivered);
    }

    /**
     * Last: node A starts again while Login.gov's discovery document and JWKS both answer HTTP 500
     * (issue 12: Login.gov down at Keycloak's start must not break the realm). It comes up, rejoins
     * node B, shows the realm's login page with its Login.gov button; once Login.gov is back, a
     * sign-in through node A alone succeeds (its key cache, empty after the restart, is filled then).
     */
    @Test
    @Order(8)
    void a_node_started_while_login_gov_is_down_serves_the_realm_and_signs_in_once_it_is_back() throws Exception {
        assertFalse(nodeA.isRunning(), "node A was stopped by the test before");
        simulator
                .outages()
                .set(Outages.Endpoint.DISCOVERY, Outage.HTTP_500)
                .set(Outages.Endpoint.JWKS, Outage.HTTP_500);
        try {
            long starting = System.nanoTime();
            nodeA = cluster.restartNodeA();
            adminA = cluster.adminOf(nodeA);
            System.out.printf(
                    "ClusterTest: node A started again and rejoined with Login.gov's discovery and JWKS down in %.1f s%n",
                    (System.nanoTime() - starting) / 1e9);
            frontDoor.routeTo(nodeA);
            frontDoor.clearHits();
            HttpBrowser.Page login = new SignInFlow(realm).openLoginPage(Map.of());
            assertTrue(login.body().contains("social-" + BrokerRealm.ALIAS), "the login page offers Login.gov");
            assertEquals(
                    realm.identityProvider().getConfig().get("logingovSigningKeyId"),
                    adminA.realm(realm.name())
                            .identityProviders()
                            .get(BrokerRealm.ALIAS)
                            .toRepresentation()
                            .getConfig()
                            .get("logingovSigningKeyId"),
                    "node A serves the provider as it was");
        } finally {
            simulator.outages().clear();
        }
        frontDoor.clearHits();
        JsonNode claims = new SignInFlow(realm).signInClaims(Map.of());
        List<FederatedIdentityRepresentation> links = adminA.realm(realm.name())
                .users()
                .get(claims.get("sub").asText())
                .getFederatedIdentity();
        assertEquals(1, links.size(), "signed in and linked");
        assertEquals(
                simulator.subjectOf("verified", realm.loginGovClientId()),
                links.get(0).getUserId());
        assertTrue(frontDoor.hits().stream().allMatch(hit -> hit.node().equals(NODE_A)), frontDoor.hits()::toString);
    }

    /**
     * A sign-in whose first hops (the application's request, the login page, the Login.gov button)
     * go to {@code start} and whose Login.gov callback and what follows go to {@code finish}; the
     * claims of the id_token the application gets.
     */
    private JsonNode signInAcross(KeycloakNode start, KeycloakNode finish, Map<String, String> parameters) {
        frontDoor.routeTo(start);
        frontDoor.clearHits();
        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page toLoginGov = flow.pressLoginGov(flow.openLoginPage(parameters));
        assertTrue(toLoginGov.location().toString().startsWith(simulator.issuer()), toLoginGov::toString);
        HttpBrowser.Page callback = flow.browser.get(toLoginGov.location().toString());
        assertTrue(
                callback.isRedirect()
                        && callback.location().toString().startsWith(realm.brokerEndpoint(BrokerRealm.ALIAS) + "?"),
                () -> "Login.gov sends the person back to the public redirect URI: " + callback);

        frontDoor.routeTo(finish);
        JsonNode claims = flow.claimsAtApplication(flow.continueToApplication(callback));
        assertEquals(start.name(), frontDoor.nodeThatServed("GET", LOGIN), frontDoor.hits()::toString);
        assertEquals(finish.name(), frontDoor.nodeThatServed("GET", CALLBACK), frontDoor.hits()::toString);
        return claims;
    }

    private static IdentityProviderRepresentation provider(Keycloak admin) {
        return admin.realm(realm.name())
                .identityProviders()
                .get(BrokerRealm.ALIAS)
                .toRepresentation();
    }

    private static String certificateUrl(KeycloakNode node) {
        return node.url() + "/realms/" + realm.name() + "/logingov/" + BrokerRealm.ALIAS
                + "/client-assertion-certificate.pem";
    }

    private static String version(Keycloak admin) {
        return admin.serverInfo().getInfo().getSystemInfo().getVersion();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name
                    + " is not set: run ClusterTest through Maven (integration-tests/pom.xml)");
        }
        return value;
    }
}
