package io.github.kclogingov.simulator;

/**
 * The frame of every page the simulator shows a person: plain, accessible HTML (a language, a
 * title, one heading, real buttons) that works without scripts and reads well in a screen reader.
 * It fits a 360 px wide phone: client ids and acr values are long URNs without spaces, so every
 * text may break anywhere rather than push the page sideways.
 */
final class HtmlPage {

    private HtmlPage() {}

    static String render(String title, String body) {
        return render(title, null, body);
    }

    /**
     * A page whose heading has a second, smaller line under it (e.g. the URN a heading names in
     * words); {@code subtitle} is text and is escaped, {@code body} is HTML.
     */
    static String render(String title, String subtitle, String body) {
        String heading = escape(title) + (subtitle == null ? "" : "<br>" + urn(subtitle));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" href="data:,">
                <title>%s – Login.gov simulator</title>
                <style>
                *, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; overflow-wrap: anywhere; }
main, section, p, h1, h2, ul, li, form { max-width: 100%%; }
h1 { font-size: 1.6rem; line-height: 1.25; }
code, small, a { overflow-wrap: anywhere; word-break: break-word; }
.urn { font-size: 0.8rem; font-weight: normal; color: #5c5c5c; }
                .banner { background: #fff5d1; border-left: 0.5rem solid #ffbe2e; padding: 0.5rem 1rem; }
                .persona { border: 1px solid #a9aeb1; border-radius: 0.25rem; padding: 0.75rem 1rem; margin: 1rem 0; }
                .persona h2 { margin: 0; font-size: 1.2rem; }
                .ineligible { color: #5c5c5c; background: #f0f0f0; }
                button { font-size: 1rem; padding: 0.5rem 1.25rem; margin: 0.25rem 0.5rem 0.25rem 0; cursor: pointer; max-width: 100%%; white-space: normal; overflow-wrap: anywhere; }
button:disabled { cursor: not-allowed; color: #5c5c5c; background: #dfe1e2; border: 1px solid #a9aeb1; border-radius: 0.25rem; }
                button.primary { background: #005ea2; color: #fff; border: 0; border-radius: 0.25rem; }
                button:focus, a:focus { outline: 0.25rem solid #2491ff; outline-offset: 0.2rem; }
                .error { border-left: 0.5rem solid #d54309; padding: 0.5rem 1rem; background: #f4e3db; }
                </style>
                </head>
                <body>
                <p class="banner" role="note">Login.gov <strong>simulator</strong>: a local test double. No real account, no real data.</p>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), heading, body);
    }

    /** A page for an error Login.gov shows instead of redirecting. */
    /** The answer to a sign-in form (the persona picker, the new password) answered twice or too late. */
    static String expiredSignIn() {
        return error(
                "This sign-in page has expired",
                "It was already answered, or is too old. Start again from the application.");
    }

    static String error(String title, String message) {
        return render(title, "<div class=\"error\" role=\"alert\"><p>" + escape(message) + "</p></div>");
    }

    /** A URN or other identifier beside the words that name it: small, grey, and escaped. */
    static String urn(String value) {
        return "<small class=\"urn\">" + escape(value) + "</small>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
}
