package io.github.kclogingov.simulator;

/** The logout confirmation page and the account page "No" leads to. */
final class LogoutPages {
    static final String LOGOUT_FIELD = "logout";
    static final String ANSWER_FIELD = "answer";
    static final String ANSWER_YES = "yes";
    static final String ANSWER_NO = "no";

    private LogoutPages() {}

    static String confirmation(String clientId, String formAction, String pendingId) {
        String body = "<p>You are signing out of " + PersonaPickerPage.SERVICE_NAME + " " + HtmlPage.urn(clientId)
                + " and of the Login.gov simulator.</p>\n"
                + "<form method=\"post\" action=\"" + HtmlPage.escape(formAction) + "\">\n"
                + "<input type=\"hidden\" name=\"" + LOGOUT_FIELD + "\" value=\"" + HtmlPage.escape(pendingId) + "\">\n"
                + "<button class=\"primary\" type=\"submit\" name=\"" + ANSWER_FIELD + "\" value=\"" + ANSWER_YES
                + "\">Yes, sign out</button>\n"
                + "<button type=\"submit\" name=\"" + ANSWER_FIELD + "\" value=\"" + ANSWER_NO
                + "\">No, go to my account</button>\n"
                + "</form>\n";
        return HtmlPage.render("Do you want to sign out?", body);
    }

    /** Production's account page never returns to the relying party; neither does this one. */
    static String account(Persona persona) {
        String body = persona == null
                ? "<p>You are not signed in to the simulator.</p>"
                : "<p>Signed in as <strong>" + HtmlPage.escape(persona.displayName()) + "</strong> ("
                        + HtmlPage.escape(persona.email()) + ").</p>"
                        + "<p>This page stands for the Login.gov account page: there is no way back to the application from here.</p>";
        return HtmlPage.render("Your account", body);
    }
}
