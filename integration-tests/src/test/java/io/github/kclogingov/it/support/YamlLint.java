package io.github.kclogingov.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's yamllint, run on files: reported as skipped (an assumption) where it is not installed,
 * as on a machine where .ci/run could not install it.
 */
public final class YamlLint {

    /** What one run printed and its exit status. */
    public record Result(int exitStatus, String output) {}

    private YamlLint() {}

    /** {@code yamllint --strict -c config paths...}: warnings fail too. */
    public static Result strict(Path config, List<Path> paths) throws IOException, InterruptedException {
        Path executable = List.of(Path.of("/usr/bin/yamllint"), Path.of("/usr/local/bin/yamllint")).stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(
                executable != null, "yamllint is not installed (Debian package yamllint; .ci/run installs it)");
        List<String> command = new ArrayList<>(
                List.of(executable.toString(), "--strict", "--format", "parsable", "-c", config.toString()));
        paths.forEach(path -> command.add(path.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("yamllint did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
