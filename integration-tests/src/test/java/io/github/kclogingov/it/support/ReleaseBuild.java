package io.github.kclogingov.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The release command of docs/operators.md ("Release bundle") run the way an operator runs it on a
 * fresh clone: the sources the provider JAR is built from, copied without any {@code target/}
 * directory, and {@code ./mvnw} in a process of its own with the test JVM's JDK.
 *
 * <p>Maven reads the POM of every module the root POM names, even of those {@code -pl} leaves out, so
 * the copy also holds the other modules' {@code pom.xml} files, but none of their sources. The build
 * uses the outer build's local repository (it may download the release profile's plugins there) and
 * never installs, so nothing of this project lands in it.
 */
public final class ReleaseBuild {

    /** The documented command's arguments after {@code ./mvnw}. */
    public static final List<String> RELEASE_ARGUMENTS =
            List.of("-B", "-Prelease", "-DskipTests", "-pl", "provider", "-am", "verify");

    /** Where the command collects the bundle, relative to the checkout. */
    public static final Path RELEASE_DIRECTORY = Path.of("provider", "target", "release");

    /** What the provider JAR is built from: the wrapper, the root POM and these modules' sources. */
    private static final List<Path> BUILT_FROM = Stream.of("pom.xml", "mvnw", ".mvn", "protocol", "provider", "themes")
            .map(Path::of)
            .toList();

    /**
     * Generous: with a warm local repository the build takes about 20 s on an idle 2-core machine and
     * 50 s on a busy one; downloading the release profile's plugins first adds a little.
     */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 60;

    /** Maven's launcher exports these; inherited, they would point the inner build at the outer checkout. */
    private static final List<String> OUTER_MAVEN_VARIABLES =
            List.of("MAVEN_BASEDIR", "MAVEN_PROJECTBASEDIR", "MAVEN_CMD_LINE_ARGS");

    private ReleaseBuild() {}

    /** How the command ended: its exit code (-1 when it was stopped at the timeout) and its last lines. */
    public record Outcome(int exitCode, Duration took, String logTail) {}

    /** Copies the sources from {@code sourceRoot} into the empty directory {@code checkout}. */
    public static void copySources(Path sourceRoot, Path checkout) throws IOException {
        Files.walkFileTree(sourceRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path relative = sourceRoot.relativize(directory);
                String name = directory.getFileName().toString();
                boolean skipped = !relative.toString().isEmpty() && (name.equals("target") || name.equals(".git"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = sourceRoot.relativize(file);
                boolean builtFrom = BUILT_FROM.stream().anyMatch(relative::startsWith);
                if (builtFrom || relative.getFileName().toString().equals("pom.xml")) {
                    Path copy = checkout.resolve(relative.toString());
                    Files.createDirectories(copy.getParent());
                    // COPY_ATTRIBUTES keeps mvnw executable.
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Runs {@code ./mvnw} with {@link #RELEASE_ARGUMENTS} in {@code checkout}, online, with {@code
     * localRepository} as Maven's local repository; its whole output goes to {@code log}. The process
     * (and anything it started) is stopped if it outlives the timeout.
     */
    public static Outcome run(Path checkout, Path localRepository, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(checkout.resolve("mvnw").toString());
        command.add("-Dmaven.repo.local=" + localRepository);
        command.addAll(RELEASE_ARGUMENTS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeAll(OUTER_MAVEN_VARIABLES);

        long started = System.nanoTime();
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            boolean ended = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            int exitCode = ended ? process.exitValue() : -1;
            return new Outcome(exitCode, Duration.ofNanos(System.nanoTime() - started), tail(log));
        } finally {
            stop(process);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                .lines()
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }
}
