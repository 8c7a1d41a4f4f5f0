package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.MarkdownLinks;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the project's Markdown pages leads somewhere: the file or folder exists,
 * and an anchor names a heading of the page it points to. Links to the web are not followed (the
 * machines that run the suite reach no web site but Maven Central).
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("logingov.repositoryRoot"))
            .toAbsolutePath()
            .normalize();

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !ROOT.relativize(path).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void every_relative_link_and_anchor_of_every_page_resolves() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.contains(ROOT.resolve("README.md")), () -> "pages found: " + pages);
        Map<Path, MarkdownLinks> read = new HashMap<>();
        for (Path page : pages) {
            read.put(page, MarkdownLinks.of(page));
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (MarkdownLinks.Link link : read.get(page).links()) {
                String target = link.target();
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto:
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty()
                        ? page
                        : page.getParent()
                                .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                                .normalize();
                String where = ROOT.relativize(page) + ":" + link.line() + " " + target;
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                    continue;
                }
                if (anchor != null && !anchor.isEmpty()) {
                    MarkdownLinks targetPage = read.get(resolved);
                    if (targetPage == null) {
                        broken.add(where + " (an anchor into a page that is not Markdown)");
                    } else if (!targetPage.anchors().contains(anchor)) {
                        broken.add(where + " (no heading makes that anchor)");
                    }
                }
            }
        }
        System.out.println("DocumentationLinksTest: " + checked + " relative links in " + pages.size() + " pages");
        assertTrue(checked > 20, "the pages' relative links were found: " + checked);
        assertEquals(List.of(), broken, () -> broken.size() + " broken links:\n" + String.join("\n", broken));
    }

    @Test
    void anchors_are_made_as_github_makes_them() throws IOException {
        Path page = Files.createTempFile("anchors", ".md");
        try {
            Files.writeString(page, """
                    # Release bundle: JAR, checksums and SBOM
                    ## Upgrading from a build before the provider type `login.gov`
                    ## Notes
                    ## Notes
                    ```sh
                    # not a heading
                    [not a link](nowhere.md)
                    ```
                    See [the notes](#notes-1) and `[code](nowhere.md)`.
                    """);
            MarkdownLinks read = MarkdownLinks.of(page);
            assertEquals(
                    List.of(
                            "release-bundle-jar-checksums-and-sbom",
                            "upgrading-from-a-build-before-the-provider-type-logingov",
                            "notes",
                            "notes-1"),
                    List.copyOf(read.anchors()));
            assertEquals(List.of(new MarkdownLinks.Link(9, "#notes-1")), read.links());
            assertFalse(read.anchors().contains("not-a-heading"));
        } finally {
            Files.delete(page);
        }
    }
}
