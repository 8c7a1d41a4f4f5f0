package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertFailurePage;
import static io.github.kclogingov.it.support.FailedSignIn.assertNoUser;
import static io.github.kclogingov.it.support.FailedSignIn.assertUnavailablePage;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.IdTokenFault;
import io.github.kclogingov.simulator.JwksOptions;
import io.github.kclogingov.simulator.Outage;
import io.github.kclogingov.simulator.Outages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 18, tolerance: everything a legitimate Login.gov (or a proxy in front of it) may vary signs
 * in, and what it may do when overloaded or slow ends on a clear page, quickly, with an event and
 * nothing stored. Any JSON media type on each endpoint; token errors as problem details; JWKs with
 * or without optional members, in any order; a key set that changes between two sign-ins; HTTP 429
 * at each endpoint, its Retry-After respected and never a second call; a trickled answer cut off at
 * the total deadline (connect + read timeout). The simulator's switches are variations and faults,
 * not Login.gov behaviour ({@code simulator/README.md}).
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class TolerantUpstreamTest extends BrokerIntegrationTest {

    static final int CONNECT_TIMEOUT_MS = 1000;
    static final int READ_TIMEOUT_MS = 1000;
    static final int DEADLINE_MS = CONNECT_TIMEOUT_MS + READ_TIMEOUT_MS;

    /** Keycloak's minimum time between two fetches of an identity provider's JWKS, and a second more. */
    static final Duration JWKS_REFETCH_FLOOR = Duration.ofSeconds(11);

    static final String BUSY_TEXT = "Login.gov is busy right now";

    final SimulatorAdmin loginGov = SimulatorAdmin.shared();

    @BeforeEach
    void realmWithShortTimeouts() {
        realm = realmOfThisClass("tolerant", Registration.VERIFIED);
        // A save also empties Keycloak's cache of Login.gov's keys: every test fetches the JWKS again.
        // Sync mode FORCE: were a refused answer used, the account would take the persona's new address.
        realm.updateIdentityProvider(Map.of(
                "logingovConnectTimeoutMillis",
                String.valueOf(CONNECT_TIMEOUT_MS),
                "logingovReadTimeoutMillis",
                String.valueOf(READ_TIMEOUT_MS),
                "syncMode",
                "FORCE",
                BrokerRealm.ALWAYS_CALL_USERINFO,
                "false"));
        realm.reset("verified");
    }

    /** Until when a test's 429 holds the provider on Keycloak's node: the next test waits for it. */
    Instant heldUntil = Instant.EPOCH;

    @AfterEach
    void usualLoginGov() throws InterruptedException {
        simulator.outages().clear();
        simulator.jwks().clear();
        Duration held = Duration.between(Instant.now(), heldUntil);
        if (!held.isNegative()) {
            Thread.sleep(held.toMillis());
        }
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "JWKS     | application/jwk-set+json",
                "JWKS     | Application/JSON;Charset=UTF-8",
                "TOKEN    | Application/JSON;Charset=UTF-8",
                "TOKEN    | application/json",
                "USERINFO | application/json;charset=UTF-8",
                "USERINFO | APPLICATION/JSON"
            })
    void any_json_media_type_signs_in(Outages.Endpoint endpoint, String mediaType) {
        callsUserinfoFor(endpoint);
        simulator.outages().mediaType(endpoint, mediaType);

        new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(1, realm.resource().users().count());
    }

    @Test
    void a_token_error_as_problem_details_is_read_for_its_reason() {
        simulator
                .outages()
                .tokenErrorsAsProblemDetails(true)
                .mediaType(Outages.Endpoint.JWKS, "application/jwk-set+json");
        simulator.faults().nextTokenError("The authorization code has expired");

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertFailurePage(page);
        Map<String, String> details = loginErrorEvent(realm).getDetails();
        assertEquals(
                "Login.gov's token endpoint answered HTTP 400 (Bad Request: The authorization code has expired)",
                details.get("reason"));
        assertEquals("Bad Request: The authorization code has expired", details.get("logingov_error"));
        assertNoUser(realm);
    }

    @ParameterizedTest(name = "members {0}, shuffled {1}")
    @CsvSource({"MINIMAL, false", "MINIMAL, true", "ALL, false", "ALL, true", "USUAL, true"})
    void jwks_with_or_without_optional_members_in_any_order_sign_in(JwksOptions.Members members, boolean shuffled) {
        simulator.jwks().members(members).shuffleMembers(shuffled).publishUnknownKeyTypes(true);
        simulator.outages().mediaType(Outages.Endpoint.JWKS, "application/jwk-set+json");

        new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(1, realm.resource().users().count());
    }

    @Test
    void a_kid_less_single_key_signs_in_a_token_without_kid_and_never_a_token_naming_a_kid() {
        simulator.jwks().publishKidlessSingleKey(true).members(JwksOptions.Members.MINIMAL);
        simulator.faults().nextIdToken(IdTokenFault.NO_KID);
        new SignInFlow(realm).signInClaims(Map.of());
        UserRepresentation before = onlyUser();
        realm.resource().clearEvents();
        simulator.changeEmail("verified", "changed-" + before.getEmail());

        HttpBrowser.Page refused = new SignInFlow(realm).signIn(Map.of()); // the usual token, with its kid

        assertFailurePage(refused);
        assertTrue(loginErrorEvent(realm).getDetails().get("reason").contains("does not list"));
        assertUnchanged(before);
    }

    @Test
    void a_key_set_that_changes_between_sign_ins_keeps_signing_in_and_refuses_a_removed_key()
            throws InterruptedException {
        new SignInFlow(realm).signInClaims(Map.of()); // Keycloak caches the primary and the secondary

        // Keys added and removed: a new primary signs, the old secondary is gone.
        waitForTheRefetchFloor();
        simulator.rotateSigningKeys();
        new SignInFlow(realm).signInClaims(Map.of());

        // The set shrinks to one key, and a token without kid needs exactly one usable key.
        waitForTheRefetchFloor();
        simulator.jwks().publishSingleKey(true);
        simulator.faults().nextIdToken(IdTokenFault.NO_KID);
        new SignInFlow(realm).signInClaims(Map.of());

        // The one key without kid, then replaced by another key without kid.
        simulator.jwks().publishSingleKey(false).publishKidlessSingleKey(true);
        simulator.faults().nextIdToken(IdTokenFault.NO_KID);
        new SignInFlow(realm).signInClaims(Map.of());
        waitForTheRefetchFloor();
        simulator.rotateSigningKeys();
        simulator.faults().nextIdToken(IdTokenFault.NO_KID);
        new SignInFlow(realm).signInClaims(Map.of());
        assertEquals(1, realm.resource().users().count(), "one person, signed in six times");

        // The key that signs is removed from the set: once Keycloak has the new set, its tokens are refused.
        UserRepresentation before = onlyUser();
        simulator.changeEmail("verified", "changed-" + before.getEmail());
        simulator.jwks().publishKidlessSingleKey(false).withholdSigningKey(true);
        realm.updateIdentityProvider(Map.of("logingovReadTimeoutMillis", String.valueOf(READ_TIMEOUT_MS + 1)));
        realm.resource().clearEvents();
        HttpBrowser.Page refused = new SignInFlow(realm).signIn(Map.of());

        assertFailurePage(refused);
        assertTrue(loginErrorEvent(realm).getDetails().get("reason").contains("does not list"));
        assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Outages.Endpoint.class,
            names = {"TOKEN", "USERINFO", "JWKS"})
    void http_429_shows_login_gov_busy_once_and_new_sign_ins_wait_out_retry_after(Outages.Endpoint endpoint)
            throws InterruptedException {
        callsUserinfoFor(endpoint);
        int retryAfterSeconds = 4;
        simulator.outages().set(endpoint, Outage.TOO_MANY_REQUESTS).retryAfter(String.valueOf(retryAfterSeconds));
        Instant start = Instant.now();
        heldUntil = start.plusSeconds(retryAfterSeconds + 1);

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertBusyPage(page);
        assertEquals(
                "Login.gov is busy: its " + endpointText(endpoint) + " answered HTTP 429 (Too Many Requests); sign-ins"
                        + " through it wait " + retryAfterSeconds + " s (Retry-After)",
                loginErrorEvent(realm).getDetails().get("reason"));
        assertEquals(1, simulator.outages().answeredDuringOutage(endpoint), "one call, never retried");
        assertNoUser(realm);

        // Login.gov is up again, but its Retry-After has not passed: this node leaves it alone.
        simulator.outages().clear();
        realm.resource().clearEvents();
        int authorizations = simulator.recorder().authorizations().size();
        int tokenCalls = simulator.recorder().tokenRequests().size();
        HttpBrowser.Page meanwhile = new SignInFlow(realm).signIn(Map.of());

        assertBusyPage(meanwhile);
        String reason = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(
                reason.startsWith("Login.gov is busy: its " + endpointText(endpoint) + " answered HTTP 429 (Too Many"
                        + " Requests); this sign-in was not sent to Login.gov"),
                reason);
        assertEquals(authorizations, simulator.recorder().authorizations().size(), "not sent to Login.gov");
        assertEquals(tokenCalls, simulator.recorder().tokenRequests().size(), "no back-channel call");
        assertNoUser(realm);

        Duration left = Duration.between(Instant.now(), start.plusSeconds(retryAfterSeconds + 1));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        new SignInFlow(realm).signInClaims(Map.of());
        assertEquals(1, realm.resource().users().count(), "after Retry-After the sign-in reaches Login.gov");
    }

    @Test
    void a_garbled_retry_after_waits_the_default_and_a_past_one_the_shortest_wait() throws InterruptedException {
        // A realm of its own: its provider stays held for the default minute, on this node only.
        BrokerRealm held = BrokerRealm.forTestClass(admin, urls.getBase(), "tolerant-held", Registration.VERIFIED);
        held.reset("verified");
        simulator
                .outages()
                .set(Outages.Endpoint.TOKEN, Outage.TOO_MANY_REQUESTS)
                .retryAfter("soon, perhaps");

        assertBusyPage(new SignInFlow(held).signIn(Map.of()));
        String garbled = loginErrorEvent(held).getDetails().get("reason");
        assertTrue(garbled.endsWith("wait 60 s (Retry-After)"), garbled);
        simulator.outages().clear();
        held.resource().clearEvents();
        assertBusyPage(new SignInFlow(held).signIn(Map.of()));
        assertTrue(loginErrorEvent(held).getDetails().get("reason").contains("this sign-in was not sent to Login.gov"));
        assertNoUser(held);

        simulator
                .outages()
                .set(Outages.Endpoint.TOKEN, Outage.TOO_MANY_REQUESTS)
                .retryAfter("Wed, 21 Oct 2015 07:28:00 GMT");
        heldUntil = Instant.now().plusSeconds(2);
        assertBusyPage(new SignInFlow(realm).signIn(Map.of()));
        String past = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(past.endsWith("wait 1 s (Retry-After)"), past);
        simulator.outages().clear();
        Thread.sleep(1500);
        new SignInFlow(realm).signInClaims(Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Outages.Endpoint.class,
            names = {"TOKEN", "USERINFO", "JWKS"})
    void a_trickled_answer_ends_on_the_unavailable_page_at_the_total_deadline(Outages.Endpoint endpoint) {
        callsUserinfoFor(endpoint);
        // Each byte 400 ms after the last: every read well within the read timeout (1000 ms).
        simulator.outages().set(endpoint, Outage.TRICKLE).trickleInterval(Duration.ofMillis(400));

        long start = System.nanoTime();
        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertUnavailablePage(page);
        System.out.printf(
                "TolerantUpstreamTest: %s trickling a byte every 400 ms (read timeout %d ms, deadline %d ms): the"
                        + " sign-in ended on the unavailable page after %d ms%n",
                endpoint, READ_TIMEOUT_MS, DEADLINE_MS, elapsed.toMillis());
        assertEquals(
                "Login.gov is unavailable: its " + endpointText(endpoint) + " did not finish answering within "
                        + DEADLINE_MS + " ms (the connect and read timeouts together)",
                loginErrorEvent(realm).getDetails().get("reason"));
        assertTrue(elapsed.toMillis() >= DEADLINE_MS, () -> "took " + elapsed.toMillis() + " ms");
        assertTrue(elapsed.toMillis() < DEADLINE_MS + 5000, () -> "took " + elapsed.toMillis() + " ms");
        assertNoUser(realm);

        simulator.outages().clear();
        new SignInFlow(realm).signInClaims(Map.of());
    }

    /**
     * By default the id_token carries the attributes and userinfo is not called (AttributeSourceTest):
     * a userinfo case sets the provider to always call it.
     */
    private void callsUserinfoFor(Outages.Endpoint endpoint) {
        if (endpoint == Outages.Endpoint.USERINFO) {
            realm.alwaysCallUserinfo(true);
        }
    }

    /** Keycloak's login page again (never a 500, never a stack trace), saying Login.gov is busy, with its button. */
    private static void assertBusyPage(HttpBrowser.Page page) {
        assertFalse(page.isRedirect(), () -> "expected the login page, got a redirect to " + page.location());
        assertEquals(200, page.status(), () -> "expected the login page, got " + page + "\n" + page.body());
        assertTrue(page.contains(BUSY_TEXT), () -> "page does not say Login.gov is busy:\n" + page.body());
        page.hrefOf("social-" + BrokerRealm.ALIAS);
        assertFalse(page.body().contains("Exception"), "no stack trace on the page");
    }

    private static String endpointText(Outages.Endpoint endpoint) {
        return switch (endpoint) {
            case TOKEN -> "token endpoint";
            case USERINFO -> "userinfo endpoint";
            case JWKS -> "JWKS (its signing keys)";
            case DISCOVERY, PARTNER_EVENTS -> throw new IllegalArgumentException("never called");
        };
    }

    private void waitForTheRefetchFloor() throws InterruptedException {
        var fetches = simulator.recorder().jwksRequests();
        Instant last = fetches.isEmpty()
                ? Instant.EPOCH
                : fetches.get(fetches.size() - 1).receivedAt();
        Duration wait = Duration.between(simulator.now(), last.plus(JWKS_REFETCH_FLOOR));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    private UserRepresentation onlyUser() {
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size(), users::toString);
        return realm.resource().users().get(users.get(0).getId()).toRepresentation();
    }

    private void assertUnchanged(UserRepresentation before) {
        UserRepresentation now = onlyUser();
        assertEquals(before.getEmail(), now.getEmail(), "the refused answer changed nothing");
        assertEquals(before.getAttributes(), now.getAttributes());
        assertFalse(now.getEmail().toLowerCase(Locale.ROOT).startsWith("changed-"));
    }
}
