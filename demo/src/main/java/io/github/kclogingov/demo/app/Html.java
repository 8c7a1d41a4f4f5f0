package io.github.kclogingov.demo.app;

/**
 * HTML escaping and the frame every page of the demo applications shares (public: the SAML
 * service provider in {@code demo.saml} draws its pages in the same frame).
 */
public final class Html {
    private Html() {}

    /** Escapes text for an element's content or a quoted attribute value. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A whole page; {@code body} is HTML already escaped by its maker. */
    static String page(String title, String body) {
        return page(title, "Demo application (an OpenID Connect client of Keycloak's <code>demo</code> realm)", body);
    }

    /** A whole page under {@code appLineHtml}, the line that says which application this is (HTML). */
    public static String page(String title, String appLineHtml, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                // An empty icon: without one the browser asks for /favicon.ico.
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<title>" + escape(title) + " - Login.gov broker demo application</title>"
                + "<style>" + STYLE + "</style></head><body><main>"
                + "<p class=\"app\">" + appLineHtml + "</p>"
                + "<h1>" + escape(title) + "</h1>" + body + "</main></body></html>\n";
    }

    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f5f7fa}"
                    + "main{max-width:60rem;margin:0 auto;padding:1rem}"
                    + ".app{color:#555;font-size:.9rem}"
                    + "table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem}"
                    + "th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}"
                    + "td.value{white-space:pre-wrap}"
                    + "form{display:inline-block;margin:.2rem .4rem .2rem 0}"
                    + "button,a.button{font:inherit;padding:.5rem .9rem;border:2px solid #1a4480;border-radius:4px;"
                    + "background:#1a4480;color:#fff;text-decoration:none;cursor:pointer;display:inline-block}"
                    + "button.secondary{background:#fff;color:#1a4480}"
                    + "button:focus,a.button:focus{outline:3px solid #2491ff;outline-offset:2px}"
                    + ".error{border-left:6px solid #b50909;background:#fff;padding:.5rem 1rem}";
}
