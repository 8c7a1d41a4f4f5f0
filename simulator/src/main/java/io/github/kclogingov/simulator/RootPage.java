package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The page at the issuer URL, where the READMEs send people: what the simulator is, the URLs an
 * application is configured with, and who can sign in at which level.
 */
final class RootPage {
    /** The levels Login.gov can assert, weakest first: what a persona "can sign in at". */
    private static final List<IdentityAssurance> ASSERTABLE = Stream.of(IdentityAssurance.values())
            .filter(IdentityAssurance::isAssertable)
            .toList();

    private RootPage() {}

    static String render(LoginGovEndpoints endpoints, Mode mode, List<Persona> personas) {
        StringBuilder body = new StringBuilder();
        body.append("<p>A local test double of Login.gov's OpenID Connect service, for development and tests. ")
                .append("There are no real accounts and no real data: the people below are fictional, ")
                .append("its keys are made at every start, and everything is kept in memory.</p>\n");
        body.append("<h2>Connect an application</h2>\n<ul>\n<li>Issuer: <code>")
                .append(HtmlPage.escape(endpoints.issuer()))
                .append("</code></li>\n<li>Discovery: ")
                .append(link(endpoints.discovery()))
                .append("</li>\n<li>JWKS (signing keys): ")
                .append(link(endpoints.jwks()))
                .append("</li>\n</ul>\n<p>")
                .append(HtmlPage.escape(modeInWords(mode)))
                .append("</p>\n");
        body.append("<h2>Personas</h2>\n");
        for (Persona persona : personas) {
            body.append(personaBlock(persona, endpoints));
        }
        body.append("<h2>From agencies</h2>\n<p>Security events (fraud reports) that agencies send go to <code>")
                .append(HtmlPage.escape(endpoints.issuer() + SimulatorContext.PARTNER_EVENTS_PATH))
                .append("</code>: see ")
                .append("<a href=\"")
                .append(HtmlPage.escape(endpoints.issuer() + SimulatorContext.PARTNER_EVENTS_PAGE_PATH))
                .append("\">the security events agencies sent</a>.</p>\n");
        body.append("<h2>For tests</h2>\n<p>Faults, key rotation and JWKS options can be set through the ")
                .append("admin API under <code>")
                .append(HtmlPage.escape(endpoints.issuer() + "simulator/admin/"))
                .append("</code> (from this machine only); ")
                .append("see <code>simulator/README.md</code>, section “Admin API (HTTP)”.</p>\n");
        return HtmlPage.render("Login.gov simulator", body.toString());
    }

    private static String personaBlock(Persona persona, LoginGovEndpoints endpoints) {
        return "<section class=\"persona\">\n<h2>" + HtmlPage.escape(persona.displayName()) + " "
                + HtmlPage.urn(PersonaPickerPage.idInParentheses(persona)) + "</h2>\n<p>"
                + HtmlPage.escape(persona.description())
                + "</p>\n<ul>\n<li>" + HtmlPage.escape(LevelNames.of(persona.proofing()))
                + "</li>\n<li>Can sign in at: "
                + HtmlPage.escape(reachableLevels(persona)) + "</li>\n<li>" + HtmlPage.escape(authentication(persona))
                + "</li>\n</ul>\n<p><a href=\""
                + HtmlPage.escape(endpoints.issuer() + "simulator/security-events?persona="
                        + java.net.URLEncoder.encode(persona.id(), java.nio.charset.StandardCharsets.UTF_8))
                + "\">Security events</a>: suspend, delete, reset the password... as Login.gov would tell agencies.</p>\n</section>\n";
    }

    private static String reachableLevels(Persona persona) {
        return ASSERTABLE.stream()
                .filter(level -> level.assertedFor(persona.proofing()).isPresent())
                .map(LevelNames::of)
                .collect(Collectors.joining(", "));
    }

    /** The simulator echoes any requested AAL; only the PIV/CAC claims depend on the persona. */
    private static String authentication(Persona persona) {
        return persona.x509Presented()
                ? "Signs in with a PIV/CAC card (x509 claims released); any AAL asked for is answered"
                : "Signs in with multi-factor authentication; any AAL asked for is answered";
    }

    private static String modeInWords(Mode mode) {
        return mode == Mode.INTERACTIVE
                ? "Mode: interactive. A sign-in shows a page to choose a persona; a sign-out asks to confirm."
                : "Mode: automatic. A sign-in goes back at once as the automatic persona, without a page.";
    }

    private static String link(String url) {
        String escaped = HtmlPage.escape(url);
        return "<a href=\"" + escaped + "\">" + escaped + "</a>";
    }
}
