package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertFailurePage;
import static io.github.kclogingov.it.support.FailedSignIn.loginErrorEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.Attributes;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.KeycloakUnderTest;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.protocol.Registration;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * A hostile or broken Login.gov, end to end against a real Keycloak: each fault is set through the
 * simulator's HTTP admin API, and each refused answer must end on a clear page, with an event that
 * says why, the person's existing account neither updated nor linked again, and (for a bad
 * id_token) no userinfo call. Harmless variations of Login.gov's answers are accepted.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class HostileLoginGovTest extends BrokerIntegrationTest {

    /** Keycloak's minimum time between two fetches of an identity provider's JWKS. */
    static final Duration JWKS_MIN_INTERVAL = Duration.ofSeconds(10);

    final SimulatorAdmin loginGov = SimulatorAdmin.shared();
    UserRepresentation existing;

    @BeforeEach
    void realmWithOneSignedUpPerson() {
        realm = realmOfThisClass("hostile", Registration.VERIFIED);
        Attributes.reset(realm);
        realm.updateIdentityProvider(Map.of("syncMode", "FORCE", BrokerRealm.ALWAYS_CALL_USERINFO, "false"));
        realm.reset("verified");
        loginGov.jwks(false, false);
        new SignInFlow(realm).signInClaims(Map.of());
        existing = onlyUser();
        // Were a refused answer used, the account would take this new address (sync mode FORCE).
        simulator.changeEmail("verified", "changed-" + existing.getEmail());
        realm.resource().clearEvents();
    }

    @AfterEach
    void publishTheUsualKeys() {
        loginGov.jwks(false, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TAMPERED_SIGNATURE, signature is invalid",
        "ALG_NONE_LOWER, RS256 only",
        "ALG_NONE_CAPITALISED, RS256 only",
        "ALG_NONE_UPPER, RS256 only",
        "ALG_NONE_MIXED, RS256 only",
        "HS256, RS256 only",
        "JWK_HEADER, carries or points at a key (jwk)",
        "JKU_HEADER, carries or points at a key (jku)",
        "X5U_HEADER, carries or points at a key (x5u)",
        "X5C_HEADER, carries or points at a key (x5c)",
        "CRIT_HEADER, crit",
        "TYP_OTHER, an id_token is a JWT",
        "SIGNED_BY_UNKNOWN_KEY, does not list",
        "WRONG_ISSUER, issuer",
        "MISSING_ISSUER, no iss",
        "EMPTY_ISSUER, no iss",
        "WRONG_AUDIENCE, audience must be exactly the client ID",
        "MISSING_AUDIENCE, no aud",
        "EXTRA_AUDIENCE, audience must be exactly the client ID",
        "MISSING_EXP, no exp",
        "EXPIRED, has expired",
        "MISSING_IAT, no iat",
        "IAT_IN_FUTURE, iat is in the future",
        "IAT_FAR_PAST, issued more than",
        "NBF_IN_FUTURE, not valid yet",
        "WRONG_NONCE, nonce does not match",
        "MISSING_NONCE, no nonce",
        "AT_HASH_MISMATCH, at_hash does not match",
        "OVERSIZED, longer than 65536",
        "LONG_STRING_CLAIM, longer than 65536",
        "DEEPLY_NESTED, longer than 65536",
        "NO_KID, holds 2 usable keys"
    })
    void a_bad_id_token_is_refused_before_userinfo_and_touches_no_account(String fault, String reason) {
        Instant start = simulator.now();
        loginGov.nextIdToken(fault);

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertRefused(page, reason);
        assertEquals(
                0, simulator.recorder().userinfoRequestsSince(start).size(), "no userinfo call after a bad id_token");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "DIFFERENT_SUB, userinfo sub differs",
        "MISSING_SUB, userinfo sub is missing",
        "SUB_NOT_STRING, userinfo sub is missing or not a string",
        "OVERSIZED, longer than 65536",
        "LONG_STRING, longer than 65536",
        "DEEPLY_NESTED, longer than 65536"
    })
    void a_bad_userinfo_answer_is_refused_and_touches_no_account(String fault, String reason) {
        realm.alwaysCallUserinfo(true); // by default the id_token carries the attributes: no userinfo call
        loginGov.nextUserinfo(fault);

        assertRefused(new SignInFlow(realm).signIn(Map.of()), reason);
    }

    @Test
    void an_error_description_with_markup_and_a_header_injection_is_shown_inert() {
        loginGov.nextAuthorization("ERROR_WITH_HOSTILE_DESCRIPTION");

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertRefused(page, "Login.gov refused the sign-in request");
        assertFalse(page.body().contains("<script>alert(1)</script>"), "the description is escaped, not markup");
        assertTrue(
                decodedEntities(page.body()).contains("\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E"),
                () -> "the person reads Login.gov's text, as inert text:\n" + page.body());
        assertFalse(page.body().contains("\r\nSet-Cookie"), "no raw line break from Login.gov reaches the page");
        assertFalse(
                loginErrorEvent(realm).getDetails().toString().contains("\n"),
                "no line break reaches the event either");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WRONG_STATE", "MISSING_STATE"})
    void a_callback_whose_state_is_not_this_sign_in_ends_on_a_page_not_a_session(String fault) {
        Instant start = simulator.now();
        loginGov.nextAuthorization(fault);

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertNoSessionFrom(page);
        List<EventRepresentation> errors = realm.resource().getEvents().stream()
                .filter(event -> event.getError() != null)
                .toList();
        assertFalse(errors.isEmpty(), "an event records the refused callback");
        assertEquals(
                0,
                simulator.recorder().tokenRequests().stream()
                        .filter(r -> !r.receivedAt().isBefore(start))
                        .count(),
                "no code is redeemed for a state that is not ours");
    }

    @Test
    void a_replayed_callback_and_a_callback_in_another_browser_are_refused() {
        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page callback = flow.browser.followUntil(
                flow.pressLoginGov(flow.openLoginPage(Map.of())), HostileLoginGovTest::isBrokerCallback);
        assertTrue(isBrokerCallback(callback.location()), callback::toString);
        String callbackUrl = callback.location().toString();

        HttpBrowser.Page elsewhere = new HttpBrowser().get(callbackUrl);
        assertNoSessionFrom(elsewhere);

        flow.claimsAtApplication(flow.continueToApplication(callback));
        existing = onlyUser(); // that sign-in was real: it took the new address
        HttpBrowser.Page replayed = flow.browser.followUntil(flow.browser.get(callbackUrl), SignInFlow::isApplication);
        assertNoSessionFrom(replayed);
    }

    @Test
    void harmless_variations_are_accepted() {
        loginGov.jwks(true, true);
        realm.updateIdentityProvider(Map.of("syncMode", "FORCE")); // a saved provider starts from a fresh key cache
        for (String variation : List.of("NO_KID", "AUDIENCE_ONE_ELEMENT_ARRAY", "HOSTILE_VERIFIED_AT")) {
            loginGov.nextIdToken(variation);
            new SignInFlow(realm).signInClaims(Map.of());
        }
        realm.alwaysCallUserinfo(true);
        loginGov.nextUserinfo("HOSTILE_VERIFIED_AT");
        new SignInFlow(realm).signInClaims(Map.of());
        assertEquals(1, realm.resource().users().count());
        UserRepresentation user = onlyUser();
        assertFalse(
                user.getAttributes()
                        .getOrDefault("verified_at", List.of())
                        .toString()
                        .contains("e999"),
                () -> "a hostile verified_at is never stored: " + user.getAttributes());
    }

    @Test
    void a_missing_aal_when_none_was_asked_is_login_gov_default_with_a_warning() {
        int logStart = ServerLog.content().length();
        loginGov.nextIdToken("MISSING_AAL");

        new SignInFlow(realm).signInClaims(Map.of());

        assertTrue(ServerLog.content().substring(logStart).contains("Login.gov returned no aal"));
    }

    @Test
    void a_missing_aal_when_one_was_asked_is_refused() {
        realm.updateIdentityProvider(Map.of("logingovAal", "http://idmanagement.gov/ns/assurance/aal/2"));
        try {
            loginGov.nextIdToken("MISSING_AAL");

            assertRefused(new SignInFlow(realm).signIn(Map.of()), "returned no aal");
        } finally {
            realm.updateIdentityProvider(Map.of("logingovAal", ""));
        }
    }

    @Test
    void a_rotated_signing_key_is_fetched_once_and_the_sign_in_succeeds() throws InterruptedException {
        waitForKeycloakToRefetchAgain();
        loginGov.rotateKeys();
        Instant rotated = simulator.now();

        new SignInFlow(realm).signInClaims(Map.of());

        assertEquals(1, simulator.recorder().jwksRequestsSince(rotated).size(), "one refetch for the new kid");
    }

    @Test
    void a_flood_of_unknown_kids_refetches_at_most_once_per_interval() throws InterruptedException {
        waitForKeycloakToRefetchAgain();
        Instant start = simulator.now();
        for (int attempt = 0; attempt < 4; attempt++) {
            loginGov.nextIdToken("SIGNED_BY_UNKNOWN_KEY");
            assertFailurePage(new SignInFlow(realm).signIn(Map.of()));
        }
        Duration spent = Duration.between(start, simulator.now());
        assertTrue(spent.compareTo(JWKS_MIN_INTERVAL) < 0, "the flood fits in one interval: " + spent);
        assertTrue(
                simulator.recorder().jwksRequestsSince(start).size() <= 1,
                () -> "JWKS fetched "
                        + simulator.recorder().jwksRequestsSince(start).size() + " times");
    }

    private void waitForKeycloakToRefetchAgain() throws InterruptedException {
        List<?> fetches = simulator.recorder().jwksRequests();
        Instant last = fetches.isEmpty()
                ? Instant.EPOCH
                : simulator.recorder().jwksRequests().get(fetches.size() - 1).receivedAt();
        Duration wait =
                Duration.between(simulator.now(), last.plus(JWKS_MIN_INTERVAL).plusSeconds(1));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    private void assertRefused(HttpBrowser.Page page, String reason) {
        assertFailurePage(page);
        String recorded = loginErrorEvent(realm).getDetails().get("reason");
        assertTrue(recorded.contains(reason), () -> "event reason: " + recorded);
        assertUntouched();
    }

    /**
     * Keycloak's own refusal of a callback that belongs to no sign-in of this browser: a clear page,
     * or (for a sign-in that already finished) an OAuth error to the application; never a code.
     */
    private void assertNoSessionFrom(HttpBrowser.Page page) {
        if (page.isRedirect() && SignInFlow.isApplication(page.location())) {
            assertFalse(page.locationQuery().containsKey("code"), () -> "a code for a refused callback: " + page);
            assertTrue(page.locationQuery().containsKey("error"), page::toString);
        } else {
            assertTrue(KeycloakUnderTest.isRefusalPageStatus(page.status()), () -> "a clear error page, not " + page);
            assertFalse(page.body().contains("Exception"), "no stack trace on the page");
        }
        assertUntouched();
    }

    private void assertUntouched() {
        UserRepresentation now = onlyUser();
        assertEquals(existing.getEmail(), now.getEmail(), "the account was updated from a refused answer");
        assertEquals(
                1,
                realm.resource().users().get(now.getId()).getFederatedIdentity().size(),
                "one Login.gov link, as before");
        assertNotEquals(null, now.getId());
    }

    private UserRepresentation onlyUser() {
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size(), () -> "users: " + users.size());
        return users.get(0);
    }

    /** The page's text with numeric character references decoded, as a browser shows it. */
    private static String decodedEntities(String html) {
        return Pattern.compile("&#(x?)([0-9a-fA-F]+);")
                .matcher(html)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(
                        Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    }

    private static boolean isBrokerCallback(URI uri) {
        return uri.getPath().endsWith("/broker/" + BrokerRealm.ALIAS + "/endpoint");
    }
}
