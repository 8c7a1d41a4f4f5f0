package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.List;
import java.util.Optional;

/**
 * Interactive mode's sign-in page: the service and the requested level in words (their URNs beside
 * them in small text), one "Sign in as ..." button per persona with the level it would be asserted
 * at, and a "Cancel" button. A persona whose proofing cannot reach the requested level is shown
 * with a disabled button and the reason, where production would send that person to identity
 * verification.
 */
final class PersonaPickerPage {
    static final String REQUEST_FIELD = "request";
    static final String PERSONA_FIELD = "persona";
    static final String CANCEL_FIELD = "cancel";
    /** A service provider has no display name at Login.gov's protocol level, only its client_id. */
    static final String SERVICE_NAME = "the agency app";

    private PersonaPickerPage() {}

    static String render(AuthorizationRequest request, List<Persona> personas, String formAction, String pendingId) {
        AcrValues acr = request.acrValues();
        StringBuilder body = new StringBuilder();
        body.append("<p>The agency app asks for:</p>\n<ul>\n<li>Proofing: ")
                .append(labelled(LevelNames.of(acr.ial()), acr.ialValue()))
                .append("</li>\n<li>Authentication: ")
                .append(labelled(
                        LevelNames.of(acr.expectedAal()) + (acr.aal() == null ? " (none asked)" : ""),
                        acr.expectedAalValue()))
                .append("</li>\n</ul>\n<p>Choose who signs in.</p>\n");
        body.append("<form method=\"post\" action=\"")
                .append(HtmlPage.escape(formAction))
                .append("\">\n");
        body.append("<input type=\"hidden\" name=\"")
                .append(REQUEST_FIELD)
                .append("\" value=\"")
                .append(HtmlPage.escape(pendingId))
                .append("\">\n");
        for (Persona persona : personas) {
            body.append(personaBlock(persona, acr));
        }
        body.append("<p><button type=\"submit\" name=\"")
                .append(CANCEL_FIELD)
                .append("\" value=\"true\">Cancel</button>")
                .append(" (returns <code>error=access_denied</code> to the application)</p>\n</form>\n");
        return HtmlPage.render("Sign in to " + SERVICE_NAME, request.client().clientId(), body.toString());
    }

    private static String personaBlock(Persona persona, AcrValues acr) {
        Optional<IdentityAssurance> asserted = acr.ial().assertedFor(persona.proofing());
        String headingId = "persona-" + HtmlPage.escape(persona.id());
        String reasonId = headingId + "-reason";
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
                .append(" ")
                .append(HtmlPage.urn(idInParentheses(persona)))
                .append("</h2>\n");
        // The proofing first, then the description, which says what else sets the persona apart.
        block.append("<p>")
                .append(HtmlPage.escape(LevelNames.of(persona.proofing())))
                .append(". ")
                .append(HtmlPage.escape(persona.description()))
                .append("<br>Email: ")
                .append(HtmlPage.escape(persona.email()))
                .append("</p>\n");
        if (asserted.isPresent()) {
            block.append("<p>Signs in at ")
                    .append(labelled(
                            LevelNames.of(asserted.get()), asserted.get().value(acr.form())))
                    .append("</p>\n");
            block.append("<button class=\"primary\" type=\"submit\" name=\"")
                    .append(PERSONA_FIELD)
                    .append("\" value=\"")
                    .append(HtmlPage.escape(persona.id()))
                    .append("\">Sign in as ")
                    .append(HtmlPage.escape(persona.displayName()))
                    .append("</button>\n");
        } else {
            block.append("<p id=\"")
                    .append(reasonId)
                    .append("\"><strong>Not eligible:</strong> ")
                    .append(HtmlPage.escape(ineligibilityReason(persona, acr.ial())))
                    .append("</p>\n");
            // Shown disabled rather than left out, so the person sees who exists and why not them.
            block.append("<button type=\"button\" disabled aria-describedby=\"")
                    .append(reasonId)
                    .append("\">Sign in as ")
                    .append(HtmlPage.escape(persona.displayName()))
                    .append("</button>\n");
        }
        block.append("</section>\n");
        return block.toString();
    }

    /**
     * "(id: verified)": the id the admin API and {@code autoPersona} take, labelled so that it does
     * not read as a repetition of a name that ends in the same word ("Jordan Verified").
     */
    static String idInParentheses(Persona persona) {
        return "(id: " + persona.id() + ")";
    }

    /** E.g. "Casey has not verified their identity, so cannot sign in at “Identity verified”." */
    static String ineligibilityReason(Persona persona, IdentityAssurance requested) {
        return firstName(persona) + " has not " + LevelNames.missingFor(requested) + ", so cannot sign in at “"
                + LevelNames.of(requested) + "”.";
    }

    private static String firstName(Persona persona) {
        if (persona.givenName() != null && !persona.givenName().isBlank()) {
            return persona.givenName();
        }
        return persona.displayName().strip().split("\\s+", 2)[0];
    }

    /** Words in bold with the URN they stand for beside them in small text. */
    private static String labelled(String words, String urn) {
        return "<strong>" + HtmlPage.escape(words) + "</strong> " + HtmlPage.urn(urn);
    }
}
