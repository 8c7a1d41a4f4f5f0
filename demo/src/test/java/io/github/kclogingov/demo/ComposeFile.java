package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level docker-compose.yml read line by line (no YAML library): enough for its own
 * layout, two-space indents, services at two, their keys at four, list items at six.
 */
final class ComposeFile {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path FILE = ROOT.resolve("docker-compose.yml");
    /** A short-syntax bind mount: {@code ./host/path:/container/path[:ro]}. */
    static final Pattern BIND_MOUNT = Pattern.compile("^\\s*-\\s*(\\./[^:\\s]+):(/[^:\\s]*)(:ro)?$");

    private static final Pattern SERVICE_KEY = Pattern.compile("^ {4}[a-z_]+:.*$");

    private ComposeFile() {}

    /** Its lines without comments: they are documentation, not configuration. */
    static List<String> lines() throws IOException {
        assertTrue(Files.isRegularFile(FILE), FILE + " is missing");
        return Files.readAllLines(FILE).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .map(line -> line.replaceAll("\\s+#.*$", ""))
                .toList();
    }

    /** The lines of one service, from its name to the next service or top-level key. */
    static List<String> service(String name) throws IOException {
        List<String> lines = lines();
        int start = lines.indexOf("  " + name + ":");
        assertTrue(start >= 0, "docker-compose.yml has no service " + name);
        List<String> block = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("   ")) {
                break;
            }
            block.add(line);
        }
        return block;
    }

    /** The list items under a service's {@code key:} (e.g. command, volumes, ports), unquoted. */
    static List<String> items(List<String> service, String key) {
        int start = service.indexOf("    " + key + ":");
        assertTrue(start >= 0, "no " + key + ": list in " + service);
        List<String> items = new ArrayList<>();
        for (int i = start + 1;
                i < service.size() && !SERVICE_KEY.matcher(service.get(i)).matches();
                i++) {
            String line = service.get(i).strip();
            if (line.startsWith("- ")) {
                items.add(line.substring(2).strip().replaceAll("^\"(.*)\"$", "$1"));
            }
        }
        assertFalse(items.isEmpty(), key + ": is not a list in " + service);
        return items;
    }

    /** The value of a service's one-line {@code key: value}. */
    static String value(List<String> service, String key) {
        for (String line : service) {
            if (line.startsWith("    " + key + ": ")) {
                return line.substring(("    " + key + ": ").length()).strip();
            }
        }
        throw new AssertionError("no " + key + ": in " + service);
    }

    /** Every bind mount's host path (group 1) and container path (group 2), of every service. */
    static List<Matcher> bindMounts() throws IOException {
        List<Matcher> mounts = new ArrayList<>();
        for (String line : lines()) {
            Matcher matcher = BIND_MOUNT.matcher(line);
            if (matcher.matches()) {
                mounts.add(matcher);
            }
        }
        return mounts;
    }
}
