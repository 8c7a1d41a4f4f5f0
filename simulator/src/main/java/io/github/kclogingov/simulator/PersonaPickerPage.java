package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.List;
import java.util.Optional;

/**
 * Interactive mode's sign-in page: one "Sign in as ..." button per persona, with the level it
 * would be asserted at, and a "Cancel" button. A persona whose proofing cannot reach the requested
 * level is listed as not eligible, where production would send that person to identity verification.
 */
final class PersonaPickerPage {
    static final String REQUEST_FIELD = "request";
    static final String PERSONA_FIELD = "persona";
    static final String CANCEL_FIELD = "cancel";

    private PersonaPickerPage() {}

    static String render(AuthorizationRequest request, List<Persona> personas, String formAction, String pendingId) {
        IdentityAssurance requested = request.acrValues().ial();
        StringBuilder body = new StringBuilder();
        body.append("<p><strong>")
                .append(HtmlPage.escape(request.client().clientId()))
                .append("</strong> asks for <code>")
                .append(HtmlPage.escape(request.acrValues().toParameter()))
                .append("</code>. Choose who signs in.</p>\n");
        body.append("<form method=\"post\" action=\"")
                .append(HtmlPage.escape(formAction))
                .append("\">\n");
        body.append("<input type=\"hidden\" name=\"")
                .append(REQUEST_FIELD)
                .append("\" value=\"")
                .append(HtmlPage.escape(pendingId))
                .append("\">\n");
        for (Persona persona : personas) {
            body.append(personaBlock(persona, requested, request));
        }
        body.append("<p><button type=\"submit\" name=\"")
                .append(CANCEL_FIELD)
                .append("\" value=\"true\">Cancel</button>")
                .append(" (returns <code>error=access_denied</code> to the application)</p>\n</form>\n");
        return HtmlPage.render("Sign in to " + request.client().clientId(), body.toString());
    }

    private static String personaBlock(Persona persona, IdentityAssurance requested, AuthorizationRequest request) {
        Optional<IdentityAssurance> asserted = requested.assertedFor(persona.proofing());
        String headingId = "persona-" + HtmlPage.escape(persona.id());
        StringBuilder block = new StringBuilder();
        block.append("<section class=\"persona")
                .append(asserted.isEmpty() ? " ineligible" : "")
                .append("\" aria-labelledby=\"")
                .append(headingId)
                .append("\">\n");
        block.append("<h2 id=\"")
                .append(headingId)
                .append("\">")
                .append(HtmlPage.escape(persona.displayName()))
                .append(" <small>(")
                .append(HtmlPage.escape(persona.id()))
                .append(")</small></h2>\n");
        block.append("<p>")
                .append(HtmlPage.escape(persona.description()))
                .append("<br>Identity: ")
                .append(HtmlPage.escape(proofingLabel(persona.proofing())))
                .append(". Email: ")
                .append(HtmlPage.escape(persona.email()))
                .append("</p>\n");
        if (asserted.isPresent()) {
            block.append("<p>Signs in at <code>")
                    .append(HtmlPage.escape(
                            asserted.get().value(request.acrValues().form())))
                    .append("</code></p>\n");
            block.append("<button class=\"primary\" type=\"submit\" name=\"")
                    .append(PERSONA_FIELD)
                    .append("\" value=\"")
                    .append(HtmlPage.escape(persona.id()))
                    .append("\">Sign in as ")
                    .append(HtmlPage.escape(persona.displayName()))
                    .append("</button>\n");
        } else {
            block.append(
                    "<p><strong>Not eligible:</strong> this level needs identity verification this persona has not completed.</p>\n");
        }
        block.append("</section>\n");
        return block.toString();
    }

    private static String proofingLabel(IdentityAssurance.Proofing proofing) {
        return switch (proofing) {
            case NONE -> "not verified";
            case VERIFIED -> "verified";
            case VERIFIED_WITH_FACIAL_MATCH -> "verified with facial match";
        };
    }
}
