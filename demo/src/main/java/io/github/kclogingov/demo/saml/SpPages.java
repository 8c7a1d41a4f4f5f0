package io.github.kclogingov.demo.saml;

import io.github.kclogingov.demo.app.Html;
import java.util.List;
import java.util.Map;

/** The SAML service provider's pages: signed out, signed in (what the assertion said), refused, and an error. */
final class SpPages {
    /** A class ref no realm maps, to show what Keycloak answers a level it cannot meet. */
    static final String UNMAPPED_CLASS_REF = "https://kclogingov.github.io/ns/acr/not-configured";

    private static final String APP_LINE =
            "Demo SAML application (a SAML service provider, client <code>demo-saml-app</code> of Keycloak's"
                    + " <code>demo</code> realm)";

    private SpPages() {}

    static String signedOut(List<SamlLevel> levels, String notice) {
        return Html.page(
                "Not signed in",
                APP_LINE,
                (notice == null
                                ? ""
                                : "<p class=\"notice\" id=\"notice\" role=\"status\">" + Html.escape(notice) + "</p>")
                        + "<p>This SAML application signs in with Keycloak's <code>demo</code> realm, which sends you to"
                        + " Login.gov (here, the Login.gov simulator). Afterwards it shows the assertion it received.</p>"
                        + buttons(levels));
    }

    static String signedIn(SpSession.Current current, SamlSpSettings settings) {
        SamlSignIn signIn = current.signIn();
        String reached = signIn.authnContextClassRef() == null
                ? null
                : settings.levelOfClassRef(signIn.authnContextClassRef())
                        .map(SamlLevel::name)
                        .orElse(null);
        String body = "<h2>Who signed in</h2><table><tbody>"
                + row("NameID", "name-id", signIn.nameId(), null)
                + row("NameID format", "name-id-format", signIn.nameIdFormat(), null)
                + "</tbody></table>"
                + "<h2>Level</h2><table><tbody>"
                + row(
                        "AuthnContextClassRef",
                        "class-ref",
                        signIn.authnContextClassRef(),
                        "the level reached, as the realm's URI")
                + row("Level name", "level-reached", reached, "the realm's name for that URI")
                + row(
                        "Asked for",
                        "level-asked",
                        current.requested() == null
                                ? "no level"
                                : current.requested().name() + " ("
                                        + current.requested().classRef() + ")",
                        null)
                + "</tbody></table>"
                + "<h2>Attributes</h2>" + attributes(signIn.attributes())
                + "<h2>Ask for a level</h2><p>Each button sends a new AuthnRequest with that level's URI in"
                + " <code>RequestedAuthnContext</code> (comparison <code>exact</code>); if this session has not"
                + " reached it, Keycloak sends you back to Login.gov.</p>"
                + buttons(settings.levels())
                + "<p><form method=\"post\" action=\"/sign-out\"><button type=\"submit\" class=\"secondary\" id=\"sign-out\">"
                + "Sign out</button></form></p>"
                + "<p>Sign out sends a SAML LogoutRequest: Keycloak ends its session and the Login.gov session, then"
                + " comes back here.</p>";
        return Html.page("Signed in", APP_LINE, body);
    }

    /** Keycloak answered with a status other than Success. */
    static String notSignedIn(SamlStatus status) {
        String explanation;
        if (status.noAuthnContext()) {
            explanation = "Keycloak could not meet the level "
                    + (status.requested() == null
                            ? "asked for"
                            : status.requested().name() + " ("
                                    + status.requested().classRef() + ")")
                    + ": the realm maps no level to that class ref, or none it can reach. Nobody was sent to Login.gov.";
        } else if (SamlStatus.AUTHN_FAILED.equals(status.subCode())
                || SamlStatus.REQUEST_DENIED.equals(status.subCode())) {
            explanation = "The sign-in was cancelled or refused, at Keycloak or at Login.gov.";
        } else {
            explanation = "Keycloak did not sign you in.";
        }
        String details = "<p>Status: <code id=\"status-code\">" + Html.escape(status.code()) + "</code>"
                + (status.subCode() == null
                        ? ""
                        : " / <code id=\"status-sub-code\">" + Html.escape(status.subCode()) + "</code>")
                + (status.message() == null ? "" : "<br>Message: <q>" + Html.escape(status.message()) + "</q>")
                + "</p>";
        return error(
                status.noAuthnContext() ? "Level not met" : "Not signed in",
                explanation + " A sign-in this application already had is kept, at the level it had.",
                details);
    }

    static String error(String title, String explanation, String detailsHtml) {
        return Html.page(
                title,
                APP_LINE,
                "<div class=\"error\" id=\"problem\"><p>" + Html.escape(explanation) + "</p>" + detailsHtml + "</div>"
                        + "<p><a class=\"button\" href=\"/\">Back to the demo SAML application</a></p>");
    }

    private static String buttons(List<SamlLevel> levels) {
        StringBuilder html = new StringBuilder("<div class=\"levels\">").append(form("", "Sign in", "sign-in"));
        for (SamlLevel level : levels) {
            html.append(form(
                    level.name(),
                    "Ask for <strong>" + Html.escape(level.name()) + "</strong>",
                    "level-" + level.name()));
        }
        html.append(form("unmapped", "Ask for a level the realm does not map", "level-unmapped"));
        return html.append("</div>").toString();
    }

    private static String form(String level, String labelHtml, String id) {
        return "<form method=\"post\" action=\"/sign-in\"><input type=\"hidden\" name=\"level\" value=\""
                + Html.escape(level) + "\"><button type=\"submit\" id=\"" + Html.escape(id) + "\">" + labelHtml
                + "</button></form>";
    }

    private static String attributes(Map<String, List<String>> attributes) {
        if (attributes.isEmpty()) {
            return "<p id=\"no-attributes\">The assertion holds no attributes.</p>";
        }
        StringBuilder html = new StringBuilder("<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>");
        attributes.forEach(
                (name, values) -> html.append(row(name, "attribute-" + name, String.join("\n", values), null)));
        return html.append("</tbody></table>").toString();
    }

    private static String row(String name, String id, String value, String meaning) {
        return "<tr><th scope=\"row\"><code>" + Html.escape(name) + "</code>"
                + (meaning == null ? "" : "<br><small>" + Html.escape(meaning) + "</small>")
                + "</th><td class=\"value\" id=\"" + Html.escape(id) + "\">"
                + (value == null ? "<em>none</em>" : Html.escape(value)) + "</td></tr>";
    }
}
