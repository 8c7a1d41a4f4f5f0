package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands and configuration the simulator's README and its page in docs/ give a newcomer,
 * run as written (the build aside, whose arguments only are checked): every file a step names is
 * in the repository or made by an earlier step, and the simulator starts from what they leave
 * behind.
 */
class DocumentedCommandsTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Path SIMULATOR_README = REPOSITORY.resolve("simulator/README.md");
    private static final Path SIMULATOR_PAGE = REPOSITORY.resolve("docs/simulator.md");

    @TempDir
    Path workspace;

    @Test
    void the_simulator_page_in_docs_gives_the_same_standalone_commands_as_the_simulator_readme() throws IOException {
        assertEquals(
                codeBlock(section(SIMULATOR_README, "## Run it standalone"), "sh"),
                codeBlock(section(SIMULATOR_PAGE, "## Run it standalone"), "sh"));
    }

    @Test
    void the_standalone_commands_build_without_installing_and_start_the_example() throws IOException {
        List<String> commands = codeBlock(section(SIMULATOR_README, "## Run it standalone"), "sh");
        String started = null;
        for (String command : commands) {
            List<String> words = Arrays.asList(command.trim().split("\\s+"));
            switch (words.get(0)) {
                case "./mvnw" -> {
                    assertTrue(command.contains("-pl simulator -am "), "builds the modules it is made of: " + command);
                    assertFalse(words.contains("install"), "nothing goes into ~/.m2: " + command);
                }
                case "mkdir" -> Files.createDirectories(workspace.resolve(words.get(words.size() - 1)));
                case "cp" -> Files.copy(REPOSITORY.resolve(words.get(1)), workspace.resolve(words.get(2)));
                case "java" -> started = java(words);
                default -> fail("a command this test does not know how to follow: " + command);
            }
        }
        assertTrue(started != null && started.contains("1 certificate(s)"), () -> "started: " + commands);
    }

    @Test
    void the_recipe_for_one_s_own_keycloak_names_one_client_and_one_certificate_file_throughout() throws IOException {
        String recipe = section(SIMULATOR_README, "## Point your own Keycloak at the simulator");
        String configuration = String.join("\n", codeBlock(recipe, "json"));
        String certificateFile = only(recipe, "curl -o (\\S+) http");
        assertTrue(configuration.contains("\"certificateFiles\": [\"" + certificateFile + "\"]"), configuration);
        String clientId = only(configuration, "\"clientId\": \"([^\"]+)\"");
        assertTrue(recipe.contains("*Client ID*: an issuer string of your choosing, e.g.\n     `" + clientId + "`"));

        Path folder = Files.createDirectories(workspace.resolve("simulator/target/mine"));
        Files.writeString(folder.resolve(certificateFile), TestClients.KEY_A.certificatePem());
        Files.writeString(folder.resolve("simulator.json"), configuration);
        String started = java(Arrays.asList(only(recipe, "`(java -jar [^`]+)`").split("\\s+")));
        assertTrue(started.contains(clientId + " (private_key_jwt, verified, 1 certificate(s))"), started);
    }

    /** Follows a documented {@code java} command: the key writer or the simulator itself. */
    private String java(List<String> words) throws IOException {
        if (words.get(1).equals("-cp")) {
            assertEquals(ClientAssertionKeyFiles.class.getName(), words.get(3));
            assertTrue(ClientAssertionKeyFiles.writeIfAbsent(workspace.resolve(words.get(4))));
            return null;
        }
        assertEquals("-jar", words.get(1));
        assertTrue(words.get(2).matches("simulator/target/logingov-simulator-\\*-all\\.jar"), words.get(2));
        List<String> arguments = new ArrayList<>(words.subList(3, words.size()));
        int config = arguments.indexOf("--config") + 1;
        arguments.set(config, workspace.resolve(arguments.get(config)).toString());
        // Any free port: the documented 8081 may be taken on the machine running the tests.
        arguments.set(arguments.indexOf("--port") + 1, "0");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try (LoginGovSimulator simulator =
                Main.run(new PrintStream(banner, true, StandardCharsets.UTF_8), arguments.toArray(String[]::new))) {
            assertEquals(200, Http.get(simulator.issuer()).statusCode());
        }
        return banner.toString(StandardCharsets.UTF_8);
    }

    /** A section's text, from its heading to the next heading of the same level. */
    private static String section(Path readme, String heading) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, () -> readme + " has no section " + heading);
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The lines of the section's first fenced block of that language, without their indentation. */
    private static List<String> codeBlock(String section, String language) {
        Matcher block = Pattern.compile("( *)```" + language + "\n(.*?)\n *```", Pattern.DOTALL)
                .matcher(section);
        assertTrue(block.find(), () -> "no " + language + " block in " + section);
        int indentation = block.group(1).length();
        return block.group(2)
                .lines()
                .map(line -> line.substring(Math.min(indentation, line.length())))
                .toList();
    }

    private static String only(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), () -> regex + " not in " + text);
        String found = matcher.group(1);
        assertFalse(matcher.find(), () -> regex + " more than once in " + text);
        return found;
    }
}
