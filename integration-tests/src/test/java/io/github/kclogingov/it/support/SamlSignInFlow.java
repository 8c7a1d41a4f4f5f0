package io.github.kclogingov.it.support;

import io.github.kclogingov.demo.saml.SamlSp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signing in to the demo SAML application (run in this JVM) over HTTP: the application's
 * button, Keycloak, the Login.gov button when Keycloak shows its login page, the simulator (its
 * automatic persona), and Keycloak's self-posting form that carries the SAML response back to the
 * application's assertion consumer service.
 */
public final class SamlSignInFlow {
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_INPUT =
            Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_BY_ID = Pattern.compile("id=\"([a-zA-Z0-9_-]+)\">([^<]*)<");

    public final HttpBrowser browser = new HttpBrowser();
    private final String spUrl;

    public SamlSignInFlow(SamlSp sp) {
        this.spUrl = "http://localhost:" + sp.port() + "/";
    }

    /**
     * Presses the application's button for {@code level} ("" for a sign-in without a level,
     * "unmapped" for a class ref the realm does not map) and follows the sign-in until Keycloak
     * posts its response, which it delivers; answers the application's page afterwards.
     */
    public HttpBrowser.Page press(String level) {
        HttpBrowser.Page page =
                browser.followUntil(browser.post(spUrl + "sign-in", Map.of("level", level)), uri -> false);
        if (page.body().contains("id=\"social-" + BrokerRealm.ALIAS + "\"")) {
            page = browser.followUntil(browser.get(page.hrefOf("social-" + BrokerRealm.ALIAS)), uri -> false);
        }
        return deliver(page);
    }

    /**
     * Presses the application's Sign out: its LogoutRequest to Keycloak, Login.gov's sign-out
     * (confirmed when Login.gov asks), and Keycloak's LogoutResponse back to the application;
     * answers the application's page.
     */
    public HttpBrowser.Page signOut() {
        HttpBrowser.Page page = browser.followUntil(browser.post(spUrl + "sign-out", Map.of()), uri -> false);
        if (LoginGovLogout.isConfirmation(page)) {
            page = browser.followUntil(LoginGovLogout.confirm(browser, page), uri -> false);
        }
        // Keycloak posts its LogoutResponse (the client forces the POST binding) or redirects with it.
        return page.status() == 200 && page.body().contains("SAMLResponse") ? deliver(page) : page;
    }

    /** The page Keycloak ended on must be its SAML POST form; posts it as the browser's script would. */
    public HttpBrowser.Page deliver(HttpBrowser.Page keycloakPage) {
        Matcher action = FORM_ACTION.matcher(keycloakPage.body());
        if (keycloakPage.status() != 200
                || !action.find()
                || !keycloakPage.body().contains("SAMLResponse")) {
            throw new AssertionError("Keycloak did not answer with its SAML POST form: " + keycloakPage.status() + " "
                    + keycloakPage.uri() + "\n" + keycloakPage.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(keycloakPage.body());
        while (input.find()) {
            fields.put(unescape(input.group(1)), unescape(input.group(2)));
        }
        HttpBrowser.Page posted = browser.post(unescape(action.group(1)), fields);
        return posted.isRedirect() ? browser.get(posted.location().toString()) : posted;
    }

    /** The text of each element of the application's page that has an id and plain text. */
    public static Map<String, String> values(HttpBrowser.Page page) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = VALUE_BY_ID.matcher(page.body());
        while (matcher.find()) {
            values.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return values;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#x3a;", ":")
                .replace("&#x2f;", "/")
                .replace("&#x3d;", "=")
                .replace("&#x2b;", "+")
                .replace("&amp;", "&");
    }
}
