package io.github.kclogingov.demo.app;

import java.util.List;

/**
 * One button per level name the realm offers. Each sends a new authorization request with that
 * {@code acr_values}; a level the session has not reached makes Keycloak go back to Login.gov.
 */
final class LevelButtons {
    private LevelButtons() {}

    static String render(List<String> levelNames) {
        StringBuilder html = new StringBuilder("<div class=\"levels\">");
        for (String level : levelNames) {
            html.append("<form method=\"post\" action=\"/sign-in\">")
                    .append("<input type=\"hidden\" name=\"acr_values\" value=\"")
                    .append(Html.escape(level))
                    .append("\"><button type=\"submit\">Ask for <strong>")
                    .append(Html.escape(level))
                    .append("</strong></button></form>");
        }
        return html.append("</div>").toString();
    }
}
