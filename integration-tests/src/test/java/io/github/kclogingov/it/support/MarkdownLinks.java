package io.github.kclogingov.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of one Markdown page and the anchors its headings make, as GitHub renders
 * them: a heading's anchor is its text in lower case, without what is neither a letter, a digit, a
 * space, a hyphen nor an underscore, spaces made hyphens, and {@code -1}, {@code -2} added to a
 * repeated one. Links in fenced code blocks and in inline code are not links.
 */
public final class MarkdownLinks {

    /** {@code [text](target)} and {@code ![alt](target)}, the target without a title. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    /** One link: the line it is on and its target as written. */
    public record Link(int line, String target) {}

    private final List<Link> links = new ArrayList<>();
    private final Set<String> anchors = new LinkedHashSet<>();

    private MarkdownLinks() {}

    public static MarkdownLinks of(Path page) throws IOException {
        MarkdownLinks read = new MarkdownLinks();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        List<String> lines = Files.readAllLines(page);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int times = seen.merge(slug, 1, Integer::sum);
                read.anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                read.links.add(new Link(i + 1, link.group(1)));
            }
        }
        return read;
    }

    /** GitHub's anchor for a heading's text. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link keeps its text
                .replace("`", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    public List<Link> links() {
        return links;
    }

    public Set<String> anchors() {
        return anchors;
    }
}
