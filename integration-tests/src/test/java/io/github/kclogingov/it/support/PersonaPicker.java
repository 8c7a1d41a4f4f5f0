package io.github.kclogingov.it.support;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's persona page (interactive mode), answered as a person answers it: "Sign in as
 * ..." for one persona, or "Cancel" (Login.gov's cancel: {@code error=access_denied} back to the
 * relying party). A persona that cannot reach the requested level has a disabled button.
 */
public final class PersonaPicker {
    private static final Pattern PENDING_REQUEST = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    private PersonaPicker() {}

    /** Whether the page is the simulator's persona page. */
    public static boolean isPicker(HttpBrowser.Page page) {
        return page.status() == 200 && page.body() != null && page.contains("Choose who signs in.");
    }

    /** Whether the persona can be picked on this page (its button is enabled). */
    public static boolean offers(HttpBrowser.Page picker, String personaId) {
        return picker.contains("name=\"persona\" value=\"" + personaId + "\"");
    }

    /** Presses "Sign in as ..." for the persona; answers the redirect back to the relying party. */
    public static HttpBrowser.Page pick(HttpBrowser browser, HttpBrowser.Page picker, String personaId) {
        if (!offers(picker, personaId)) {
            throw new AssertionError("The persona page does not offer " + personaId + ":\n" + picker.body());
        }
        return browser.post(picker.formAction(), Map.of("request", pending(picker), "persona", personaId));
    }

    /** Presses "Cancel"; answers the redirect back to the relying party. */
    public static HttpBrowser.Page cancel(HttpBrowser browser, HttpBrowser.Page picker) {
        return browser.post(picker.formAction(), Map.of("request", pending(picker), "cancel", "true"));
    }

    private static String pending(HttpBrowser.Page picker) {
        if (!isPicker(picker)) {
            throw new AssertionError("Expected the simulator's persona page, got HTTP " + picker.status() + " "
                    + picker.uri() + (picker.isRedirect() ? " -> " + picker.location() : ""));
        }
        Matcher pending = PENDING_REQUEST.matcher(picker.body());
        if (!pending.find()) {
            throw new AssertionError("The persona page has no pending request:\n" + picker.body());
        }
        return pending.group(1);
    }
}
