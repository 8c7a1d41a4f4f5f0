package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertUnavailablePage;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.Levels;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SecurityEventPush;
import io.github.kclogingov.it.support.SharedSimulator;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Login.gov down, end to end (issue 12): its token, userinfo or JWKS endpoint refusing, failing,
 * answering a page, too slow or hung, through the simulator's outages. Each sign-in meanwhile fails
 * within the provider's timeouts, on the login page saying Login.gov is unavailable with its button
 * to try again, with an event naming the endpoint and what happened; the next sign-in after
 * recovery succeeds. The provider runs with short timeouts here so that the class stays quick.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class LoginGovOutageTest extends BrokerIntegrationTest {

    static final int CONNECT_TIMEOUT_MS = 1000;
    static final int READ_TIMEOUT_MS = 1000;

    /** Far beyond the read timeout plus Keycloak's own work: a failure that takes longer is not bounded. */
    static final Duration BOUND = Duration.ofMillis(READ_TIMEOUT_MS + 6000);

    final SimulatorAdmin loginGov = SimulatorAdmin.shared();

    @BeforeEach
    void realmWithShortTimeouts() {
        realm = realmOfThisClass("outage", Registration.VERIFIED);
        // A save also empties Keycloak's cache of Login.gov's keys: every test fetches the JWKS again.
        realm.updateIdentityProvider(Map.of(
                "logingovConnectTimeoutMillis",
                String.valueOf(CONNECT_TIMEOUT_MS),
                "logingovReadTimeoutMillis",
                String.valueOf(READ_TIMEOUT_MS),
                BrokerRealm.ALWAYS_CALL_USERINFO,
                "false"));
        realm.reset("verified");
    }

    @AfterEach
    void loginGovBack() {
        loginGov.clearOutages();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "token    | refuse   | '(closed the connection without answering|dropped the connection).*'",
                "token    | http_500 | answered HTTP 500",
                "token    | html     | answered text/html, not JSON",
                "token    | slow     | did not answer within 1000 ms",
                "token    | hang     | did not answer within 1000 ms",
                "userinfo | refuse   | '(closed the connection without answering|dropped the connection).*'",
                "userinfo | http_500 | answered HTTP 500",
                "userinfo | html     | answered text/html, not JSON",
                "userinfo | slow     | did not answer within 1000 ms",
                "userinfo | hang     | did not answer within 1000 ms",
                "jwks     | refuse   | '(closed the connection without answering|dropped the connection).*'",
                "jwks     | http_500 | answered HTTP 500",
                "jwks     | html     | answered text/html, not JSON",
                "jwks     | slow     | did not answer within 1000 ms",
                "jwks     | hang     | did not answer within 1000 ms"
            })
    void an_outage_ends_on_the_login_page_with_an_event_and_the_next_sign_in_succeeds(
            String endpoint, String outage, String what) {
        // By default the id_token carries the attributes and userinfo is not called (AttributeSourceTest).
        realm.alwaysCallUserinfo(endpoint.equals("userinfo"));
        if (outage.equals("slow")) {
            loginGov.slowOutage(endpoint, READ_TIMEOUT_MS + 700);
        } else {
            loginGov.outage(endpoint, outage);
        }
        SignInFlow flow = new SignInFlow(realm);

        long start = System.nanoTime();
        HttpBrowser.Page page = flow.signIn(Map.of());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertUnavailablePage(page);
        assertTrue(elapsed.compareTo(BOUND) < 0, () -> "the failure took " + elapsed.toMillis() + " ms");
        String reason = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(
                reason.matches("Login\\.gov is unavailable: its " + endpointText(endpoint) + " " + what),
                () -> "event reason: " + reason);
        assertEquals(0, realm.resource().users().count(), "no user from a failed sign-in");

        loginGov.clearOutages();
        flow.claimsAtApplication(flow.continueToApplication(flow.pressLoginGov(page)));
        assertEquals(1, realm.resource().users().count(), "the try again from the same page signed the person in");
    }

    private static String endpointText(String endpoint) {
        return switch (endpoint) {
            case "token" -> "token endpoint";
            case "userinfo" -> "userinfo endpoint";
            case "jwks" -> "JWKS \\(its signing keys\\)";
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    @Test
    void while_the_token_endpoint_hangs_other_sign_ins_keep_working_and_the_wait_is_bounded() throws Exception {
        int readTimeout = 2500; // long enough for the other sign-ins to happen while this one waits
        realm.updateIdentityProvider(Map.of("logingovReadTimeoutMillis", String.valueOf(readTimeout)));
        BrokerRealm other = BrokerRealm.forTestClass(admin, urls.getBase(), "outage-other", Registration.AUTH_ONLY);
        other.reset("verified");
        new Users(other).createLocalUser("local-person", "local-person@example.org", "a local password 1");
        loginGov.outage("token", "hang");

        ExecutorService browserThread = Executors.newSingleThreadExecutor();
        try {
            Future<Duration> hung = browserThread.submit(() -> {
                long start = System.nanoTime();
                HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                assertUnavailablePage(page);
                return elapsed;
            });
            awaitHeldTokenRequest();

            long passwordStart = System.nanoTime();
            JsonNode local = new SignInFlow(other).signInWithPassword("local-person", "a local password 1");
            long passwordMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - passwordStart);
            long adminStart = System.nanoTime();
            int realms = admin.realms().findAll().size();
            long adminMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - adminStart);
            boolean stillHanging = simulator.outages().hanging() == 1 && !hung.isDone();

            Duration toErrorPage = hung.get(30, TimeUnit.SECONDS);
            System.out.printf(
                    "LoginGovOutageTest: token endpoint hanging, read timeout %d ms: the login page saying Login.gov is"
                            + " unavailable came after %d ms; meanwhile a password sign-in in realm '%s' took %d ms and"
                            + " an admin API call %d ms%n",
                    readTimeout, toErrorPage.toMillis(), other.name(), passwordMillis, adminMillis);

            assertEquals("local-person", local.get("preferred_username").asText());
            assertTrue(realms >= 2);
            assertTrue(stillHanging, "the other sign-ins finished while the Login.gov sign-in was still waiting");
            assertTrue(toErrorPage.toMillis() >= readTimeout, () -> "waited " + toErrorPage.toMillis() + " ms");
            assertTrue(toErrorPage.compareTo(Duration.ofMillis(readTimeout + 6000)) < 0, toErrorPage::toString);
            EventRepresentation event = loginErrorEvent(realm);
            assertEquals(
                    "Login.gov is unavailable: its token endpoint did not answer within " + readTimeout + " ms",
                    event.getDetails().get("reason"));
        } finally {
            browserThread.shutdownNow();
        }
        loginGov.clearOutages();
        new SignInFlow(realm).signInClaims(Map.of());
    }

    private void awaitHeldTokenRequest() throws InterruptedException {
        for (int i = 0; i < 400 && simulator.outages().hanging() == 0; i++) {
            Thread.sleep(25);
        }
        assertEquals(1, simulator.outages().hanging(), "the token request is held by the hung endpoint");
    }

    @Test
    void a_step_up_during_an_outage_ends_on_the_login_page_instead_of_going_round_again() {
        Levels.reset(realm);
        SignInFlow flow = new SignInFlow(realm);
        flow.signInClaims(Map.of());
        loginGov.outage("token", "http_500");
        Instant start = simulator.now();

        HttpBrowser.Page stepUp = flow.authorize(Map.of("acr_values", "verified"));
        assertTrue(stepUp.isRedirect(), () -> "a step-up goes straight to Login.gov: " + stepUp);
        HttpBrowser.Page page = flow.continueToApplication(stepUp);

        assertUnavailablePage(page);
        assertEquals(
                1,
                simulator.recorder().authorizations().stream()
                        .filter(authorization -> !authorization.receivedAt().isBefore(start))
                        .count(),
                "Login.gov was asked once, not again after the failure");
        loginGov.clearOutages();
        JsonNode raised = flow.claimsAtApplication(flow.continueToApplication(flow.pressLoginGov(page)));
        assertEquals("verified", raised.get("acr").asText());
    }

    @Test
    void
            a_security_event_that_cannot_be_verified_while_the_jwks_is_down_is_answered_503_and_acted_on_when_sent_again() {
        new SignInFlow(realm).signInClaims(Map.of());
        String userId = realm.resource().users().list().get(0).getId();
        // Keycloak's cache of Login.gov's keys emptied, as after a restart: the event needs the JWKS.
        realm.updateIdentityProvider(Map.of("logingovReadTimeoutMillis", String.valueOf(READ_TIMEOUT_MS + 1)));
        SecurityEventPush push = new SecurityEventPush(realm, simulator);
        String token = push.sign(
                push.header(), push.claims("verified", SecurityEventType.ACCOUNT_DISABLED, BrokerRealm.ALIAS));

        loginGov.outage("jwks", "http_500");
        HttpResponse<String> during = push.post(token);
        assertEquals(503, during.statusCode(), during::body);
        assertEquals("60", during.headers().firstValue("Retry-After").orElse(null), "Login.gov is asked to retry");
        assertTrue(
                realm.resource().users().get(userId).toRepresentation().isEnabled(),
                "an event that could not be verified changes nothing");

        loginGov.clearOutages();
        HttpResponse<String> again = push.post(token);
        assertEquals(202, again.statusCode(), again::body);
        assertFalse(
                realm.resource().users().get(userId).toRepresentation().isEnabled(), "delivered again, it is acted on");
    }

    @Test
    void a_slow_login_gov_within_the_timeouts_is_no_outage() {
        loginGov.slowOutage("token", 300);
        new SignInFlow(realm).signInClaims(Map.of());
        loginGov.slowOutage("jwks", 300);
        realm.updateIdentityProvider(Map.of("syncMode", "FORCE")); // fetch the JWKS again
        new SignInFlow(realm).signInClaims(Map.of());
    }

    @Test
    void discovery_down_changes_nothing_the_provider_never_reads_it() {
        loginGov.outage("discovery", "http_500");
        new SignInFlow(realm).signInClaims(Map.of());
        loginGov.outage("discovery", "hang");
        new SignInFlow(realm).signInClaims(Map.of());
    }

    @Test
    void a_provider_saved_and_a_realm_imported_while_login_gov_is_down_work_once_it_is_back() {
        loginGov.outage("jwks", "hang");
        loginGov.outage("discovery", "refuse");

        long start = System.nanoTime();
        realm.updateIdentityProvider(Map.of("logingovReadTimeoutMillis", "900"));
        long saveMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("900", realm.identityProvider().getConfig().get("logingovReadTimeoutMillis"), "saved");
        assertTrue(saveMillis < 5000, () -> "a save never waits for Login.gov, took " + saveMillis + " ms");
        BrokerRealm imported =
                BrokerRealm.create(admin, urls.getBase(), "outage-imported", simulator, Registration.VERIFIED);
        try {
            HttpBrowser.Page loginPage = new SignInFlow(imported).openLoginPage(Map.of());
            loginPage.hrefOf("social-" + BrokerRealm.ALIAS);
            assertUnavailablePage(new SignInFlow(realm).signIn(Map.of()));

            loginGov.clearOutages();
            new SignInFlow(realm).signInClaims(Map.of());
            new SignInFlow(imported).signInClaims(Map.of());
        } finally {
            imported.resource().remove();
        }
    }

    @Test
    void the_event_and_the_page_hold_nothing_personal_or_secret() {
        realm.alwaysCallUserinfo(true);
        loginGov.outage("userinfo", "http_500");
        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertUnavailablePage(page);
        Map<String, String> details = loginErrorEvent(realm).getDetails();
        assertEquals("Login.gov is unavailable: its userinfo endpoint answered HTTP 500", details.get("reason"));
        assertFalse(
                details.toString().contains(SharedSimulator.persona("verified").email()), details::toString);
        simulator.recorder().issuedTokens().forEach(token -> {
            assertFalse(details.toString().contains(token), "no token in the event");
            assertFalse(page.body().contains(token), "no token on the page");
        });
    }
}
