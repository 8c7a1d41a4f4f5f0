package io.github.kclogingov.demo.app;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every claim the application received that the page does not already show above the table, with
 * where it came from (the id_token, the userinfo answer, or both) and its value, escaped.
 */
final class ClaimsTable {
    /** Shown in the page's summary, so left out of the table. */
    static final Set<String> SHOWN_ABOVE =
            Set.of("sub", "preferred_username", "email", "acr", "logingov_ial", "logingov_aal");

    private ClaimsTable() {}

    static String render(Map<String, Object> idTokenClaims, Map<String, Object> userinfoClaims) {
        Set<String> names = new TreeSet<>(idTokenClaims.keySet());
        names.addAll(userinfoClaims.keySet());
        names.removeAll(SHOWN_ABOVE);
        if (names.isEmpty()) {
            return "<p>No other claims.</p>";
        }
        StringBuilder html =
                new StringBuilder("<table><thead><tr><th>claim</th><th>from</th><th>value</th></tr></thead><tbody>");
        for (String name : names) {
            Object value = idTokenClaims.containsKey(name) ? idTokenClaims.get(name) : userinfoClaims.get(name);
            html.append("<tr><th scope=\"row\"><code>")
                    .append(Html.escape(name))
                    .append("</code></th><td>")
                    .append(source(name, idTokenClaims, userinfoClaims))
                    .append("</td><td class=\"value\">")
                    .append(Html.escape(ClaimText.of(value)))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String source(String name, Map<String, Object> idToken, Map<String, Object> userinfo) {
        boolean inIdToken = idToken.containsKey(name);
        boolean inUserinfo = userinfo.containsKey(name);
        if (inIdToken && inUserinfo) {
            return "id_token, userinfo";
        }
        return inIdToken ? "id_token" : "userinfo";
    }
}
