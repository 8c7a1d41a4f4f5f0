package io.github.kclogingov.demo.app;

import java.util.List;

/** The demo application's pages: signed out, signed in (what the application received), and an error. */
final class Pages {
    private Pages() {}

    static String signedOut(String signInUrl) {
        return signedOut(signInUrl, null);
    }

    /** The signed-out page, with why the last sign-in ended when Keycloak ended it ({@code notice}, text). */
    static String signedOut(String signInUrl, String notice) {
        return Html.page(
                "Not signed in",
                (notice == null
                                ? ""
                                : "<p class=\"notice\" id=\"session-ended\" role=\"status\">" + Html.escape(notice)
                                        + "</p>")
                        + "<p>This application signs in with Keycloak's <code>demo</code> realm, which sends you to Login.gov"
                        + " (here, the Login.gov simulator). Afterwards it shows what it received.</p>"
                        + "<p><a class=\"button\" id=\"sign-in\" href=\"" + Html.escape(signInUrl)
                        + "\">Sign in</a></p>");
    }

    static String signedIn(SignedIn signedIn, List<String> levelNames) {
        return signedIn(signedIn, levelNames, null);
    }

    /** The signed-in page, with why the last request for a level did not raise it ({@code notice}, text). */
    static String signedIn(SignedIn signedIn, List<String> levelNames, String notice) {
        String body = (notice == null
                        ? ""
                        : "<p class=\"notice\" id=\"level-not-raised\" role=\"status\">" + Html.escape(notice) + "</p>")
                + "<h2>Who signed in</h2><table><tbody>"
                + row("sub", signedIn.claim("sub"))
                + row("preferred_username", signedIn.claim("preferred_username"))
                + row("email", signedIn.claim("email"))
                + "</tbody></table>"
                + "<h2>Level</h2><table><tbody>"
                + row("acr", signedIn.claim("acr"), "the realm's level name")
                + row("logingov_ial", signedIn.claim("logingov_ial"), "identity assurance Login.gov asserted")
                + row("logingov_aal", signedIn.claim("logingov_aal"), "authentication assurance Login.gov asserted")
                + "</tbody></table>"
                + "<h2>Ask for a level</h2><p>Each button sends a new authorization request with that"
                + " <code>acr_values</code>; if this session has not reached it, Keycloak sends you back to Login.gov.</p>"
                + LevelButtons.render(levelNames)
                + "<h2>Everything else the application received</h2>"
                + ClaimsTable.render(signedIn.idTokenClaims(), signedIn.userinfoClaims())
                + "<p><form method=\"post\" action=\"/sign-in\"><button type=\"submit\" class=\"secondary\">Sign in again</button></form>"
                + "<form method=\"post\" action=\"/sign-out\"><button type=\"submit\" class=\"secondary\">Sign out</button></form></p>"
                + "<p>Sign out ends the Keycloak session and the Login.gov session, then comes back here.</p>";
        return Html.page("Signed in", body);
    }

    /**
     * Keycloak's OAuth error answer to a request made while signed in, as a person reads it: the
     * sign-in and its level are unchanged.
     */
    static String levelNotRaised(String error, String description) {
        String why = "access_denied".equals(error)
                ? "The new sign-in was cancelled or refused, at Keycloak or at Login.gov."
                : "Keycloak did not sign you in again.";
        return why + " You are still signed in as before, at the same level (Keycloak answered error=" + error
                + (description == null || description.isEmpty() ? "" : ": " + description) + ").";
    }

    /** Keycloak's OAuth error answer ({@code error}, {@code error_description}) as a person reads it. */
    static String oauthError(String error, String description) {
        String explanation = switch (error) {
            case "access_denied" -> "The sign-in was cancelled or refused, at Keycloak or at Login.gov.";
            case "login_required", "interaction_required" ->
                "Keycloak needed you to sign in but was asked not to show a page.";
            case "temporarily_unavailable" -> "Keycloak or Login.gov could not answer; try again in a moment.";
            default -> "Keycloak did not sign you in.";
        };
        String details = "<p>Keycloak answered <code>error=" + Html.escape(error) + "</code>"
                + (description == null || description.isEmpty() ? "" : ": <q>" + Html.escape(description) + "</q>")
                + ".</p>";
        return error("Not signed in", explanation, details);
    }

    /** A problem worded for a person; {@code detailsHtml} is already escaped. */
    static String error(String title, String explanation, String detailsHtml) {
        return Html.page(
                title,
                "<div class=\"error\"><p>" + Html.escape(explanation) + "</p>" + detailsHtml + "</div>"
                        + "<p><a class=\"button\" href=\"/\">Back to the demo application</a></p>");
    }

    private static String row(String name, Object value) {
        return row(name, value, null);
    }

    private static String row(String name, Object value, String meaning) {
        return "<tr><th scope=\"row\"><code>" + Html.escape(name) + "</code>"
                + (meaning == null ? "" : "<br><small>" + Html.escape(meaning) + "</small>")
                + "</th><td class=\"value\" id=\"claim-" + Html.escape(name) + "\">"
                + (value == null ? "<em>not released</em>" : Html.escape(ClaimText.of(value)))
                + "</td></tr>";
    }
}
