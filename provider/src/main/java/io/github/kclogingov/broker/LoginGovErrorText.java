package io.github.kclogingov.broker;

/**
 * Text that came from Login.gov (or through it, from a hostile upstream) on its way into an
 * event, a log line and a page: printable characters only, and short.
 */
final class LoginGovErrorText {

    static final int MAX_LENGTH = 300;

    private LoginGovErrorText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[\\p{Cntrl}&&[^ ]]", " ").replaceAll("\\s+", " ").trim();
        return printable.length() > MAX_LENGTH ? printable.substring(0, MAX_LENGTH) + "..." : printable;
    }
}
