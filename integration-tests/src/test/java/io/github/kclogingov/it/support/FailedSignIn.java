package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * What every failed Login.gov sign-in must show: a page that explains it (never a stack trace,
 * never a 500), one {@code IDENTITY_PROVIDER_LOGIN_ERROR} event with the reason, and no user.
 */
public final class FailedSignIn {

    public static final String FAILURE_PAGE_TEXT = "We could not sign you in with Login.gov";

    public static final String UNAVAILABLE_TEXT = "Login.gov is not available right now";

    private FailedSignIn() {}

    public static void assertFailurePage(HttpBrowser.Page page) {
        assertFalse(page.isRedirect(), () -> "expected an error page, got a redirect to " + page.location());
        assertTrue(
                page.status() >= 400 && page.status() < 500 || page.status() == 502, () -> "status " + page.status());
        assertTrue(page.contains(FAILURE_PAGE_TEXT), () -> "page does not explain the failure:\n" + page.body());
        assertFalse(page.body().contains("Exception"), "no stack trace on the page");
    }

    /**
     * What a sign-in during a Login.gov outage must show: Keycloak's login page again (never a 500,
     * never a stack trace), saying that Login.gov is unavailable, with its Login.gov button to try again.
     */
    public static void assertUnavailablePage(HttpBrowser.Page page) {
        assertFalse(page.isRedirect(), () -> "expected the login page, got a redirect to " + page.location());
        assertEquals(200, page.status(), () -> "expected the login page, got " + page + "\n" + page.body());
        assertTrue(
                page.contains(UNAVAILABLE_TEXT), () -> "page does not say Login.gov is unavailable:\n" + page.body());
        page.hrefOf("social-" + BrokerRealm.ALIAS); // the way to try again
        assertFalse(page.body().contains("Exception"), "no stack trace on the page");
    }

    /** The one login-error event of the realm since its events were last cleared. */
    public static EventRepresentation loginErrorEvent(BrokerRealm realm) {
        List<EventRepresentation> events = realm.resource()
                .getEvents(List.of("IDENTITY_PROVIDER_LOGIN_ERROR"), null, null, null, null, null, 0, 10);
        assertEquals(1, events.size(), () -> "events: " + events);
        EventRepresentation event = events.get(0);
        assertEquals("identity_provider_login_failure", event.getError());
        assertEquals(BrokerRealm.ALIAS, event.getDetails().get("identity_provider"));
        return event;
    }

    public static void assertNoUser(BrokerRealm realm) {
        assertEquals(0, realm.resource().users().count(), "no user may be created by a failed sign-in");
    }
}
