package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules ({@code docs/operations/prometheus/logingov-alerts.yml}) as Prometheus's
 * own {@code promtool} judges them: valid rules, and their unit tests (each alert firing and, at
 * its edge, not firing) passing. No Keycloak: this class starts none and runs once, in the default
 * execution only. Needs Debian's {@code prometheus} package ({@code .ci/run} installs it); without
 * {@code promtool} it reports itself skipped.
 */
class AlertRulesTest {

    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final Path DIRECTORY = Path.of(System.getProperty("logingov.operationsDocs", "../docs/operations"))
            .resolve("prometheus");
    static final Path RULES = DIRECTORY.resolve("logingov-alerts.yml");
    static final Path RULE_TESTS = DIRECTORY.resolve("logingov-alerts.test.yml");
    static final Path OPERATORS = DIRECTORY.resolve("../../operators.md");

    @Test
    void promtool_finds_the_rules_valid() throws Exception {
        String output = promtool("check", "rules", RULES.getFileName().toString());
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    void the_rules_pass_their_unit_tests() throws Exception {
        String output = promtool("test", "rules", RULE_TESTS.getFileName().toString());
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    void every_alert_is_tested_and_carries_a_severity_and_a_runbook_that_exists() throws IOException {
        String rules = Files.readString(RULES, StandardCharsets.UTF_8);
        String tests = Files.readString(RULE_TESTS, StandardCharsets.UTF_8);
        String operators = Files.readString(OPERATORS, StandardCharsets.UTF_8);
        Set<String> alerts = matches("(?m)^\\s*- alert: (\\w+)$", rules);
        assertFalse(alerts.isEmpty(), "no alert in " + RULES);
        for (String alert : alerts) {
            assertTrue(tests.contains("alertname: " + alert + "\n"), () -> alert + " has no unit test");
            assertTrue(
                    operators.contains("\n### " + alert + "\n"),
                    () -> "docs/operators.md has no heading '### " + alert + "' for the runbook");
        }
        assertEquals(alerts.size(), count("(?m)^\\s*- alert: ", rules), "alert names are unique");
        assertEquals(
                alerts.size(),
                count("(?m)^\\s*severity: (critical|warning)$", rules),
                "every alert has a severity of critical or warning");
        Set<String> anchors = matches("runbook_url: \"docs/operators\\.md#(\\w+)\"", rules);
        assertEquals(
                alerts.stream().map(String::toLowerCase).collect(Collectors.toCollection(TreeSet::new)),
                anchors,
                "every alert's runbook_url points at its own heading in docs/operators.md");
        assertEquals(alerts.size(), count("(?m)^\\s*summary: ", rules), "every alert has a summary");
        assertEquals(alerts.size(), count("(?m)^\\s*description: ", rules), "every alert has a description");
    }

    /** Runs promtool in the rules' directory (the tests name the rules file relative to it); its output. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL), PROMTOOL + " is missing: apt-get install prometheus");
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(DIRECTORY.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println(String.join(" ", command) + "\n" + output);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private static Set<String> matches(String regex, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static int count(String regex, String text) {
        int count = 0;
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
