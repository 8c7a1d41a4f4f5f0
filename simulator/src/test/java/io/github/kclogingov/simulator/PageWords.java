package io.github.kclogingov.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text a person reads on a page, and the words in it that come twice in a row. */
final class PageWords {
    private static final Pattern HIDDEN = Pattern.compile("(?s)<(style|script|title)\\b.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}’']+");

    private PageWords() {}

    /** The page's visible text: tags dropped, the entities {@link HtmlPage#escape} writes read back. */
    static String text(String html) {
        String visible = TAG.matcher(HIDDEN.matcher(html).replaceAll(" ")).replaceAll(" ");
        return visible.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Each word equal (ignoring case) to the word before it, with that pair, e.g. "Identity Identity". */
    static List<String> doubled(String html) {
        List<String> pairs = new ArrayList<>();
        Matcher words = WORD.matcher(text(html));
        String previous = null;
        while (words.find()) {
            String word = words.group();
            if (previous != null && previous.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
                pairs.add(previous + " " + word);
            }
            previous = word;
        }
        return pairs;
    }
}
