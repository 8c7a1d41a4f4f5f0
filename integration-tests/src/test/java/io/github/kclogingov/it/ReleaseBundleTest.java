package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kclogingov.it.support.ReleaseBuild;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle (docs/operators.md, "Release bundle"), built by its documented command from a
 * copy of the sources in a fresh directory: the JAR it holds is byte for byte the one this suite
 * deployed (the build is reproducible, whatever the directory or the clock), SHA256SUMS is
 * what {@code sha256sum -c} checks, and the SBOM lists what the JAR carries and nothing Keycloak
 * provides or the tests use. No Keycloak runs here, so the keycloak-oldest execution skips this class.
 */
class ReleaseBundleTest {

    private static final String SUMS = "SHA256SUMS";
    private static final String SBOM_SUFFIX = ".cdx.json";
    /** sha256sum's text mode line: digest, two spaces, file name. */
    private static final Pattern SUMS_LINE = Pattern.compile("([0-9a-f]{64})  ([^/\\s]+)");
    /** Where this project's artifacts would land in the local repository if a build installed them. */
    private static final Path OWN_ARTIFACTS = Path.of("io", "github", "kclogingov");

    @TempDir
    static Path checkout;

    private static Path suiteJar;
    private static Path releaseDirectory;
    private static ReleaseBuild.Outcome outcome;
    private static Map<Path, String> ownArtifactsBefore;
    private static Map<Path, String> ownArtifactsAfter;

    @BeforeAll
    static void buildTheBundleFromACopyOfTheSources() throws IOException, InterruptedException {
        Path sourceRoot = Path.of(System.getProperty("logingov.repositoryRoot"))
                .toAbsolutePath()
                .normalize();
        Path localRepository = Path.of(System.getProperty("logingov.mavenLocalRepository"));
        Path log = Path.of(System.getProperty("logingov.releaseBuildLog"));
        suiteJar = Path.of(System.getProperty("logingov.providerJar"));

        ReleaseBuild.copySources(sourceRoot, checkout);
        ownArtifactsBefore = listing(localRepository.resolve(OWN_ARTIFACTS));
        outcome = ReleaseBuild.run(checkout, localRepository, log);
        ownArtifactsAfter = listing(localRepository.resolve(OWN_ARTIFACTS));
        releaseDirectory = checkout.resolve(ReleaseBuild.RELEASE_DIRECTORY);
        System.out.printf(
                "ReleaseBundleTest: the release command took %d s (log: %s)%n",
                outcome.took().toSeconds(), log);
    }

    @Test
    void theDocumentedCommandSucceeds() {
        assertEquals(0, outcome.exitCode(), "the release command failed; its last lines:\n" + outcome.logTail());
    }

    @Test
    void theBundleHoldsTheProviderJarItsSbomAndTheChecksumsOnly() throws IOException {
        assertEquals(
                Set.of(suiteJar.getFileName().toString(), sbomName(), SUMS),
                fileNames(releaseDirectory),
                "never the shade plugin's original-*.jar, nothing of an earlier build");
    }

    @Test
    void theJarIsByteForByteTheOneThisSuiteDeployed() throws IOException {
        Path releaseJar = releaseDirectory.resolve(suiteJar.getFileName());
        assertEquals(
                -1L,
                Files.mismatch(suiteJar, releaseJar),
                "a rebuild from a copy of the same sources gave other bytes: " + sha256(suiteJar) + " (suite) vs "
                        + sha256(releaseJar) + " (rebuild)");
    }

    @Test
    void sha256sumsNamesEveryOtherFileWithItsDigestInSha256sumsOwnLayout() throws IOException {
        String sums = Files.readString(releaseDirectory.resolve(SUMS), StandardCharsets.UTF_8);
        assertTrue(sums.endsWith("\n"), "every line ends with a line feed, as sha256sum writes it");
        Map<String, String> listed = new TreeMap<>();
        for (String line : sums.split("\n")) {
            Matcher matcher = SUMS_LINE.matcher(line);
            assertTrue(matcher.matches(), "not a sha256sum line: '" + line + "'");
            listed.put(matcher.group(2), matcher.group(1));
        }
        Map<String, String> actual = new TreeMap<>();
        for (String name : fileNames(releaseDirectory)) {
            if (!name.equals(SUMS)) {
                actual.put(name, sha256(releaseDirectory.resolve(name)));
            }
        }
        assertEquals(actual, listed);
    }

    @Test
    void theSbomListsWhatTheJarEmbedsAndNothingProvidedOrForTests() throws IOException {
        JsonNode sbom =
                new ObjectMapper().readTree(releaseDirectory.resolve(sbomName()).toFile());
        assertEquals("CycloneDX", sbom.path("bomFormat").asText());

        Set<String> embedded = embeddedModules(releaseDirectory.resolve(suiteJar.getFileName()));
        JsonNode subject = sbom.path("metadata").path("component");
        String provider = coordinates(subject);
        assertEquals("logingov-keycloak-provider", subject.path("name").asText());
        assertTrue(embedded.remove(provider), "the SBOM's subject " + provider + " is not the JAR's own module");

        Set<String> components = new TreeSet<>();
        for (JsonNode component : sbom.path("components")) {
            components.add(coordinates(component));
        }
        assertTrue(
                components.stream().anyMatch(c -> c.startsWith("io.github.kclogingov:logingov-protocol:")),
                "the embedded protocol module is listed: " + components);
        assertEquals(embedded, components, "the SBOM lists exactly the modules the JAR embeds");
        for (String unwanted : List.of("org.keycloak:", ":keycloak-services:", "junit", "nimbus")) {
            assertFalse(
                    components.stream().anyMatch(c -> c.contains(unwanted)),
                    unwanted + " is provided by Keycloak or only used by tests: " + components);
        }
    }

    @Test
    void nothingOfThisProjectLandedInTheLocalRepository() {
        assertEquals(ownArtifactsBefore, ownArtifactsAfter, "the release command must not install");
    }

    @Test
    void noProcessOfTheReleaseBuildOutlivesIt() {
        String checkoutPath = checkout.toString();
        List<String> leftOver = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains(checkoutPath))
                        .orElse(false))
                .map(process ->
                        process.pid() + " " + process.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), leftOver);
    }

    private static String sbomName() throws IOException {
        List<String> sboms = fileNames(releaseDirectory).stream()
                .filter(name -> name.endsWith(SBOM_SUFFIX))
                .toList();
        assertEquals(1, sboms.size(), "one SBOM in the bundle: " + sboms);
        return sboms.get(0);
    }

    /** groupId:artifactId:version of every module whose Maven descriptor the JAR carries. */
    private static Set<String> embeddedModules(Path jar) throws IOException {
        Set<String> modules = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entry : file.stream().toList()) {
                if (entry.getName().startsWith("META-INF/maven/")
                        && entry.getName().endsWith("/pom.properties")) {
                    Properties descriptor = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        descriptor.load(in);
                    }
                    modules.add(descriptor.getProperty("groupId") + ":" + descriptor.getProperty("artifactId") + ":"
                            + descriptor.getProperty("version"));
                }
            }
        }
        return modules;
    }

    private static String coordinates(JsonNode component) {
        return component.path("group").asText() + ":"
                + component.path("name").asText() + ":"
                + component.path("version").asText();
    }

    private static Set<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** Every file below {@code directory} with its size and modification time; empty if it is absent. */
    private static Map<Path, String> listing(Path directory) throws IOException {
        Map<Path, String> listing = new LinkedHashMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted().toList()) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    listing.put(directory.relativize(file), attributes.size() + " " + attributes.lastModifiedTime());
                }
            }
        }
        return listing;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
