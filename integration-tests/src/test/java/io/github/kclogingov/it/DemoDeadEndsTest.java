package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.SharedSimulator.persona;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.demo.app.AppSettings;
import io.github.kclogingov.demo.app.DemoApp;
import io.github.kclogingov.demo.app.RealmLevels;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FailedSignIn;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovLogout;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.PersonaPicker;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.RecordedLogout;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The demo's three dead ends of issue 21, walked over HTTP as a person walks them: the demo
 * application (started in this JVM on its demo port), Keycloak, and the simulator in interactive
 * mode, its persona page and its sign-out confirmation answered as a person answers them.
 * <ul>
 *   <li>Signed in as one persona, a step-up answered by Login.gov for another: refused before any
 *       user is created or linked, back in the application still signed in as the first, at the
 *       same level, with a notice; never Keycloak's "already authenticated as different user".</li>
 *   <li>Cancel at Login.gov during a step-up: back in the application still signed in, with a
 *       notice; never Keycloak's username and password page.</li>
 *   <li>"No, go to my account" at Login.gov's sign-out confirmation: the Keycloak session has
 *       already ended, so the application's next "Sign in" is a new sign-in.</li>
 * </ul>
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class DemoDeadEndsTest extends BrokerIntegrationTest {

    static final int APP_PORT = DemoWalkthroughTest.APP_PORT;
    static final String APP_URL = DemoWalkthroughTest.APP_URL;

    private final HttpBrowser browser = new HttpBrowser();
    private DemoApp app;

    @BeforeEach
    void start() throws IOException {
        realm = realmOfThisClass("dead-ends", Registration.VERIFIED);
        realm.reset("verified");
        simulator.setMode(Mode.INTERACTIVE);
        List<String> levels = RealmLevels.fromRealmFile(Path.of(System.getProperty("logingov.realmExport")));
        app = DemoApp.start(new AppSettings(URI.create(APP_URL), realm.realmUrl(), "demo-app", levels), APP_PORT);
    }

    @AfterEach
    void stop() {
        // The simulator is shared by the whole run; the other classes expect it automatic.
        simulator.setMode(Mode.AUTOMATIC);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_step_up_answered_for_another_persona_leaves_the_person_signed_in_as_before() {
        HttpBrowser.Page signedIn = signInAs("verified");
        String userId = onlyUser().getId();
        String linkedSub = realm.resource()
                .users()
                .get(userId)
                .getFederatedIdentity()
                .get(0)
                .getUserId();
        realm.resource().clearEvents();

        HttpBrowser.Page picker = toPage(askForLevel("verified-facial-match"));
        assertTrue(PersonaPicker.isPicker(picker), () -> "the step-up goes to Login.gov: " + picker);
        assertFalse(PersonaPicker.offers(picker, "verified"), "Jordan has no facial match");
        HttpBrowser.Page end = toPage(PersonaPicker.pick(browser, picker, "facial-match"));

        assertSignedInPage(end);
        assertFalse(end.contains("different user"), end::body);
        assertTrue(end.contains("id=\"level-not-raised\""), () -> "the application says why:\n" + end.body());
        assertTrue(end.contains("error=access_denied"), end::body);
        assertTrue(end.contains("another account than the one signed in"), end::body);
        assertEquals(claim(signedIn, "sub"), claim(end, "sub"), "still the first persona's Keycloak user");
        assertEquals("auth-only", claim(end, "acr"), "at the level it had");
        assertEquals(persona("verified").email(), claim(end, "email"));

        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size(), () -> "no second user: " + users);
        List<FederatedIdentityRepresentation> links =
                realm.resource().users().get(userId).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals(linkedSub, links.get(0).getUserId(), "the link is untouched");
        assertEquals(1, realm.resource().users().get(userId).getUserSessions().size(), "the session is kept");
        EventRepresentation refused = FailedSignIn.loginErrorEvent(realm);
        assertTrue(refused.getDetails().get("reason").contains("another account"), () -> "" + refused.getDetails());
    }

    @Test
    void cancel_during_a_step_up_returns_to_the_application_still_signed_in() {
        HttpBrowser.Page signedIn = signInAs("verified");
        String userId = onlyUser().getId();

        HttpBrowser.Page picker = toPage(askForLevel("verified"));
        HttpBrowser.Page end = toPage(PersonaPicker.cancel(browser, picker));

        assertSignedInPage(end);
        assertFalse(end.contains("name=\"password\""), "never Keycloak's password page");
        assertTrue(end.contains("id=\"level-not-raised\""), () -> "the application says why:\n" + end.body());
        assertTrue(end.contains("cancelled or refused"), end::body);
        assertTrue(end.contains("cancelled at Login.gov"), end::body);
        assertEquals(claim(signedIn, "sub"), claim(end, "sub"));
        assertEquals("auth-only", claim(end, "acr"), "at the level it had");
        assertEquals(1, realm.resource().users().list().size());
        assertEquals(1, realm.resource().users().get(userId).getUserSessions().size(), "the session is kept");

        // The notice is said once; the session goes on.
        HttpBrowser.Page again = browser.get(APP_URL);
        assertSignedInPage(again);
        assertFalse(again.contains("id=\"level-not-raised\""), again::body);
    }

    @Test
    void declining_sign_out_at_login_gov_still_ends_the_keycloak_session() {
        signInAs("verified");
        String userId = onlyUser().getId();

        HttpBrowser.Page confirmation = toPage(browser.post(APP_URL + "sign-out", Map.of()));
        assertTrue(LoginGovLogout.isConfirmation(confirmation), () -> "Login.gov asks: " + confirmation);
        assertEquals(
                0,
                realm.resource().users().get(userId).getUserSessions().size(),
                "Keycloak's session has ended before Login.gov asks");
        HttpBrowser.Page account = LoginGovLogout.decline(browser, confirmation);
        assertTrue(
                account.isRedirect() && account.location().toString().startsWith(simulator.issuer()),
                () -> "\"No\" stays at Login.gov: " + account);
        assertEquals(
                RecordedLogout.Outcome.DECLINED,
                simulator.recorder().logouts().get(0).outcome());

        HttpBrowser.Page home = browser.get(APP_URL);
        assertTrue(home.contains("<h1>Not signed in</h1>"), home::body);
        assertEquals(0, realm.resource().users().get(userId).getUserSessions().size());

        // The next "Sign in" is a new sign-in: Keycloak's login page, not a silent single sign-on.
        HttpBrowser.Page next = toPage(browser.get(home.hrefOf("sign-in")));
        assertTrue(next.uri().toString().startsWith(realm.realmUrl()), () -> "at Keycloak: " + next.uri());
        assertTrue(next.contains("social-" + BrokerRealm.ALIAS), () -> "Keycloak's login page:\n" + next.body());
    }

    @Test
    void confirming_sign_out_at_login_gov_comes_back_to_the_application_signed_out() {
        signInAs("verified");
        String userId = onlyUser().getId();

        HttpBrowser.Page confirmation = toPage(browser.post(APP_URL + "sign-out", Map.of()));
        HttpBrowser.Page back = toPage(LoginGovLogout.confirm(browser, confirmation));

        assertTrue(back.uri().toString().startsWith(APP_URL), () -> "back in the application: " + back.uri());
        assertTrue(back.contains("<h1>Not signed in</h1>"), back::body);
        assertEquals(
                RecordedLogout.Outcome.CONFIRMED,
                simulator.recorder().logouts().get(0).outcome());
        assertEquals(0, realm.resource().users().get(userId).getUserSessions().size());
    }

    /** The demo application's sign-in through Keycloak's Login.gov button and the persona page; answers its signed-in page. */
    private HttpBrowser.Page signInAs(String personaId) {
        HttpBrowser.Page home = browser.get(APP_URL);
        HttpBrowser.Page login = toPage(browser.get(home.hrefOf("sign-in")));
        HttpBrowser.Page picker = toPage(browser.get(login.hrefOf("social-" + BrokerRealm.ALIAS)));
        HttpBrowser.Page signedIn = toPage(PersonaPicker.pick(browser, picker, personaId));
        assertSignedInPage(signedIn);
        return signedIn;
    }

    /** One of the demo application's level buttons. */
    private HttpBrowser.Page askForLevel(String level) {
        return browser.post(APP_URL + "sign-in", Map.of("acr_values", level));
    }

    private HttpBrowser.Page toPage(HttpBrowser.Page page) {
        return browser.followUntil(page, uri -> false);
    }

    private UserRepresentation onlyUser() {
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size(), () -> "users: " + users);
        return users.get(0);
    }

    private static void assertSignedInPage(HttpBrowser.Page page) {
        assertEquals(200, page.status(), () -> page.uri() + "\n" + page.body());
        assertTrue(page.uri().toString().startsWith(APP_URL), () -> "in the application: " + page.uri());
        assertTrue(page.contains("<h1>Signed in</h1>"), page::body);
    }

    /** A claim as the demo application's page shows it. */
    private static String claim(HttpBrowser.Page page, String name) {
        String marker = "id=\"claim-" + name + "\">";
        int start = page.body().indexOf(marker);
        assertTrue(start >= 0, () -> "no " + name + " on the page:\n" + page.body());
        int valueStart = start + marker.length();
        return page.body().substring(valueStart, page.body().indexOf('<', valueStart));
    }
}
