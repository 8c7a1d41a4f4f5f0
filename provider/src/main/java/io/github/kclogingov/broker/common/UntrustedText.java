package io.github.kclogingov.broker.common;

/**
 * Text that came from Login.gov, or through it from a hostile upstream, on its way into an event,
 * a log line or a page. Two rules, one place: Login.gov's own free text is made readable, and a
 * value quoted in a failure reason shows that something odd was there. Both are cut short.
 */
public final class UntrustedText {

    /** Longest free text kept from Login.gov (an error description). */
    public static final int MAX_READABLE = 300;

    /** Longest value quoted in a failure reason (a token header, an acr): a real one is far shorter. */
    public static final int MAX_QUOTED = 120;

    private UntrustedText() {}

    /**
     * Login.gov's free text for a person to read: control characters and line breaks become single
     * spaces, and it is cut at {@value #MAX_READABLE} characters. Null reads as empty.
     */
    public static String readable(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[\\p{Cntrl}&&[^ ]]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return cut(printable, MAX_READABLE);
    }

    /**
     * A value quoted in a failure reason: every character outside printable ASCII becomes
     * {@code ?}, so no line break or terminal escape reaches a log, and it is cut at
     * {@value #MAX_QUOTED} characters. Null reads as {@code (none)}.
     */
    public static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        return cut(value.replaceAll("[^\\x20-\\x7E]", "?"), MAX_QUOTED);
    }

    /**
     * A failure reason as text on a page. Keycloak's error page decodes HTML entities and then runs
     * the message through an HTML sanitizer, which silently drops any markup Login.gov's text
     * carried (and with it what the person should read); escaping cannot survive that. So the
     * angle brackets become their fullwidth look-alikes: the person sees {@code ＜script＞} as inert
     * text, and events and logs keep the text as it came (control characters removed).
     */
    public static String forPage(String text) {
        return text == null ? "" : text.replace('<', '\uFF1C').replace('>', '\uFF1E');
    }

    private static String cut(String text, int maxLength) {
        return text.length() > maxLength ? text.substring(0, maxLength) + "..." : text;
    }
}
