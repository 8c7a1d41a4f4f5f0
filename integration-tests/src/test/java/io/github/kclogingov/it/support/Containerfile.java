package io.github.kclogingov.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Containerfile read as its instructions (no container engine here to build it): comments
 * dropped, continuation lines joined, each instruction with its stage. Enough for
 * docs/operations/image/Containerfile, whose instructions hold no quoting beyond JSON arrays and
 * quoted label values.
 */
public final class Containerfile {

    /** One instruction: its keyword in upper case, its arguments, and the stage it belongs to (-1 before the first FROM). */
    public record Instruction(String keyword, String arguments, int stage) {}

    private static final Pattern ARG = Pattern.compile("(\\w+)(?:=(\\S*))?");
    private static final Pattern ENV_BUILD_OPTION = Pattern.compile("KC_([A-Z0-9_]+)=(\\S+)");
    private static final Pattern JSON_STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern LABEL = Pattern.compile("([\\w.-]+)=\"([^\"]*)\"");

    private final List<Instruction> instructions;

    private Containerfile(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    public static Containerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        int stage = -1;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                pending.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(stripped).toString().strip();
            pending.setLength(0);
            String[] parts = whole.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1].strip() : "", stage));
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(file + " ends in a continuation line");
        }
        return new Containerfile(instructions);
    }

    /** The arguments of every instruction with {@code keyword}, in order. */
    public List<String> all(String keyword) {
        return instructions.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** The instructions of one stage (0 is the first FROM's), the FROM included. */
    public List<Instruction> stage(int stage) {
        return instructions.stream()
                .filter(instruction -> instruction.stage() == stage)
                .toList();
    }

    public int stages() {
        return instructions.stream().mapToInt(Instruction::stage).max().orElse(-1) + 1;
    }

    /** The default of a build argument declared before the first FROM (a global ARG). */
    public String globalArgDefault(String name) {
        for (Instruction instruction : stage(-1)) {
            Matcher matcher = ARG.matcher(instruction.arguments());
            if (instruction.keyword().equals("ARG")
                    && matcher.matches()
                    && matcher.group(1).equals(name)) {
                if (matcher.group(2) == null) {
                    throw new AssertionError("ARG " + name + " has no default");
                }
                return matcher.group(2);
            }
        }
        throw new AssertionError("no global ARG " + name);
    }

    /** {@code ${NAME}} replaced by the global ARG defaults, as a build without --build-arg sees it. */
    public String expand(String text) {
        Matcher matcher = Pattern.compile("\\$\\{(\\w+)}").matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(globalArgDefault(matcher.group(1))));
        }
        return matcher.appendTail(expanded).toString();
    }

    /**
     * The Keycloak options set by {@code ENV KC_...} lines, in {@code kc.sh}'s spelling ({@code
     * KC_METRICS_ENABLED=true} is {@code metrics-enabled=true}); one variable per such ENV line,
     * other variables left out.
     */
    public Map<String, String> keycloakOptions(int stage) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Instruction instruction : stage(stage)) {
            if (!instruction.keyword().equals("ENV") || !instruction.arguments().startsWith("KC_")) {
                continue;
            }
            Matcher matcher = ENV_BUILD_OPTION.matcher(instruction.arguments());
            if (!matcher.matches()) {
                throw new AssertionError("not one KC_NAME=value: ENV " + instruction.arguments());
            }
            String option = matcher.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
            if (options.put(option, matcher.group(2)) != null) {
                throw new AssertionError("KC_" + matcher.group(1) + " is set twice");
            }
        }
        return options;
    }

    /** The strings of an exec-form instruction such as {@code CMD ["start", "--optimized"]}. */
    public static List<String> execForm(String arguments) {
        if (!arguments.startsWith("[") || !arguments.endsWith("]")) {
            throw new AssertionError("not in exec form: " + arguments);
        }
        List<String> strings = new ArrayList<>();
        Matcher matcher = JSON_STRING.matcher(arguments);
        while (matcher.find()) {
            strings.add(matcher.group(1));
        }
        return strings;
    }

    /** Every {@code key="value"} of the LABEL instructions of a stage. */
    public Map<String, String> labels(int stage) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Instruction instruction : stage(stage)) {
            if (instruction.keyword().equals("LABEL")) {
                Matcher matcher = LABEL.matcher(instruction.arguments());
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        return labels;
    }
}
