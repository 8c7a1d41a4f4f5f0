package io.github.kclogingov.simulator;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step a persona whose password Login.gov reset goes through before its sign-in completes:
 * choose a new password, typed twice. The rules are those of identity-idp's {@code
 * FormPasswordValidator} that a test can meet without an outside service: 12 to 128 characters
 * (counted as a person sees them) and the two entries the same. Nothing typed is kept or shown.
 */
final class NewPasswordPage {
    static final String REQUEST_FIELD = "request";
    static final String PASSWORD_FIELD = "password";
    static final String CONFIRMATION_FIELD = "password_confirmation";
    static final String CANCEL_FIELD = "cancel";
    /** Devise's {@code password_length} at Login.gov. */
    static final int MIN_LENGTH = 12;

    static final int MAX_LENGTH = 128;

    private NewPasswordPage() {}

    /** What is wrong with the new password, one sentence per problem; empty when it is accepted. */
    static List<String> problems(String password, String confirmation) {
        List<String> problems = new ArrayList<>();
        int length = characters(password == null ? "" : password);
        if (length < MIN_LENGTH) {
            problems.add("Your password must be at least " + MIN_LENGTH + " characters long.");
        } else if (length > MAX_LENGTH) {
            problems.add("Your password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (password != null && !password.equals(confirmation)) {
            problems.add("The two passwords you entered do not match.");
        }
        return problems;
    }

    /** Characters as a person counts them (Ruby's grapheme clusters), not UTF-16 units. */
    private static int characters(String text) {
        BreakIterator iterator = BreakIterator.getCharacterInstance(Locale.ROOT);
        iterator.setText(text);
        int count = 0;
        while (iterator.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    static String render(Persona persona, String formAction, String pendingId, List<String> problems) {
        StringBuilder body = new StringBuilder();
        if (!problems.isEmpty()) {
            body.append("<div class=\"error\" role=\"alert\">\n");
            for (String problem : problems) {
                body.append("<p>").append(HtmlPage.escape(problem)).append("</p>\n");
            }
            body.append("</div>\n");
        }
        body.append("<p>An agency told Login.gov that someone else may have signed in to the account of ")
                .append(HtmlPage.escape(persona.displayName()))
                .append(", so Login.gov reset its password. Choose a new one to finish signing in.</p>\n");
        body.append("<form method=\"post\" action=\"")
                .append(HtmlPage.escape(formAction))
                .append("\">\n<input type=\"hidden\" name=\"")
                .append(REQUEST_FIELD)
                .append("\" value=\"")
                .append(HtmlPage.escape(pendingId))
                .append("\">\n");
        body.append(field(PASSWORD_FIELD, "New password (at least " + MIN_LENGTH + " characters)"));
        body.append(field(CONFIRMATION_FIELD, "Confirm the new password"));
        body.append("<p><button class=\"primary\" type=\"submit\">Continue</button>")
                .append("<button type=\"submit\" name=\"")
                .append(CANCEL_FIELD)
                .append("\" value=\"true\">Cancel</button></p>\n</form>\n");
        return HtmlPage.render("Choose a new password", PersonaPickerPage.idInParentheses(persona), body.toString());
    }

    private static String field(String name, String label) {
        return "<p><label for=\"" + name + "\">" + HtmlPage.escape(label) + "</label><br>\n<input id=\"" + name
                + "\" name=\"" + name + "\" type=\"password\" autocomplete=\"new-password\" required></p>\n";
    }
}
