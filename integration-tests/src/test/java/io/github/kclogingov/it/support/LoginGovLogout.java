package io.github.kclogingov.it.support;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Login.gov's logout confirmation page, answered as a person answers it: since April 2025 a
 * signed-in person is always asked ("Yes, sign out" / "No, go to my account") before Login.gov
 * returns to the relying party, and the simulator does the same.
 */
public final class LoginGovLogout {
    private static final Pattern PENDING_LOGOUT = Pattern.compile("name=\"logout\" value=\"([^\"]+)\"");

    private LoginGovLogout() {}

    /** Whether the page is the simulator's logout confirmation. */
    public static boolean isConfirmation(HttpBrowser.Page page) {
        return page.status() == 200
                && page.body() != null
                && page.contains("Do you want to sign out?")
                && page.contains("Yes, sign out");
    }

    /** Presses "Yes, sign out" on the confirmation page; answers the redirect back to the relying party. */
    public static HttpBrowser.Page confirm(HttpBrowser browser, HttpBrowser.Page confirmation) {
        return answer(browser, confirmation, "yes");
    }

    /** Presses "No, go to my account" on the confirmation page; answers the redirect to Login.gov's account page. */
    public static HttpBrowser.Page decline(HttpBrowser browser, HttpBrowser.Page confirmation) {
        return answer(browser, confirmation, "no");
    }

    private static HttpBrowser.Page answer(HttpBrowser browser, HttpBrowser.Page confirmation, String answer) {
        if (!isConfirmation(confirmation)) {
            throw new AssertionError("Expected Login.gov's logout confirmation, got HTTP " + confirmation.status() + " "
                    + confirmation.uri() + (confirmation.isRedirect() ? " -> " + confirmation.location() : ""));
        }
        Matcher pending = PENDING_LOGOUT.matcher(confirmation.body());
        if (!pending.find()) {
            throw new AssertionError("The confirmation page has no pending logout:\n" + confirmation.body());
        }
        return browser.post(confirmation.formAction(), Map.of("logout", pending.group(1), "answer", answer));
    }
}
