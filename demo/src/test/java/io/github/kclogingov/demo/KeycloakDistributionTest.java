package io.github.kclogingov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTest {

    @TempDir
    Path home;

    @BeforeEach
    void unpacked_distribution_with_the_provider() throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/kc.sh"), "#!/bin/bash\n");
        Files.createDirectories(home.resolve("providers"));
        Files.writeString(home.resolve("providers").resolve(KeycloakDistribution.PROVIDER_JAR), "jar");
    }

    @Nested
    class Opening {
        @Test
        void accepts_a_distribution_with_the_provider() throws DemoException {
            assertEquals(
                    home.toAbsolutePath().normalize(),
                    KeycloakDistribution.at(home).home());
        }

        @Test
        void refuses_a_directory_without_kc_sh_and_says_how_to_get_one() throws IOException {
            Files.delete(home.resolve("bin/kc.sh"));
            DemoException e = assertThrows(DemoException.class, () -> KeycloakDistribution.at(home));
            assertTrue(e.getMessage().contains("-Pdemo verify"), e.getMessage());
        }

        @Test
        void refuses_a_distribution_without_the_provider() throws IOException {
            Files.delete(home.resolve("providers").resolve(KeycloakDistribution.PROVIDER_JAR));
            DemoException e = assertThrows(DemoException.class, () -> KeycloakDistribution.at(home));
            assertTrue(e.getMessage().contains("provider is missing"), e.getMessage());
        }

        @Test
        void makes_kc_sh_executable_when_unpacking_lost_the_permission() throws DemoException {
            home.resolve("bin/kc.sh").toFile().setExecutable(false);
            assertTrue(Files.isExecutable(KeycloakDistribution.at(home).script()));
        }
    }

    @Nested
    class Staging_the_realm {
        @Test
        void names_the_file_after_the_realm_as_keycloak_requires(@TempDir Path repository) throws Exception {
            Path realmFile = Files.writeString(repository.resolve("logingov-demo-realm.json"), "{\"realm\":\"demo\"}");
            KeycloakDistribution.at(home).stageRealm(realmFile, "demo");
            assertEquals(List.of("demo-realm.json"), importedFiles());
        }

        @Test
        void removes_whatever_an_earlier_run_left_there(@TempDir Path repository) throws Exception {
            Files.createDirectories(home.resolve("data/import"));
            Files.writeString(home.resolve("data/import/logingov-demo-realm.json"), "{}");
            Path realmFile = Files.writeString(repository.resolve("logingov-demo-realm.json"), "{\"realm\":\"demo\"}");
            KeycloakDistribution.at(home).stageRealm(realmFile, "demo");
            assertEquals(List.of("demo-realm.json"), importedFiles());
        }

        @Test
        void refuses_a_missing_realm_file(@TempDir Path repository) {
            assertThrows(
                    DemoException.class,
                    () -> KeycloakDistribution.at(home).stageRealm(repository.resolve("absent.json"), "demo"));
        }

        private List<String> importedFiles() throws IOException {
            try (Stream<Path> files = Files.list(home.resolve("data/import"))) {
                return files.map(path -> path.getFileName().toString()).toList();
            }
        }
    }

    @Nested
    class Resetting_the_dev_database {
        @Test
        void deletes_the_h2_directory_and_keeps_the_rest_of_data() throws Exception {
            Files.createDirectories(home.resolve("data/h2"));
            Files.writeString(home.resolve("data/h2/keycloakdb.mv.db"), "db");
            Files.createDirectories(home.resolve("data/import"));
            KeycloakDistribution.at(home).resetDevDatabase();
            assertFalse(Files.exists(home.resolve("data/h2")));
            assertTrue(Files.exists(home.resolve("data/import")));
        }

        @Test
        void does_nothing_on_a_first_run() throws Exception {
            KeycloakDistribution.at(home).resetDevDatabase();
            assertFalse(Files.exists(home.resolve("data/h2")));
        }
    }
}
