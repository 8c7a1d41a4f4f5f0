package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmLevelsTest {

    @Test
    void the_shipped_realm_offers_its_five_level_names_lowest_first() throws IOException {
        assertEquals(
                List.of("auth-only", "phishing-resistant", "piv-cac", "verified", "verified-facial-match"),
                RealmLevels.fromRealmFile(Path.of("../realm-export/logingov-demo-realm.json")));
    }

    @Test
    void a_realm_without_a_level_map_is_refused_with_its_name(@TempDir Path directory) throws IOException {
        Path realm = Files.writeString(directory.resolve("realm.json"), "{\"realm\":\"demo\",\"attributes\":{}}");
        IOException e = assertThrows(IOException.class, () -> RealmLevels.fromRealmFile(realm));
        assertEquals(true, e.getMessage().contains("acr.loa.map"), e.getMessage());
    }
}
