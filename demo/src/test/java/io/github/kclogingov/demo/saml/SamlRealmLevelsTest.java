package io.github.kclogingov.demo.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamlRealmLevelsTest {

    @Test
    void the_shipped_realm_gives_every_level_a_class_ref_lowest_first() throws Exception {
        List<SamlLevel> levels = SamlRealmLevels.fromRealmFile(Path.of("../realm-export/logingov-demo-realm.json"));

        assertEquals(
                List.of(
                        new SamlLevel("auth-only", "urn:acr.login.gov:auth-only"),
                        new SamlLevel("phishing-resistant", "https://kclogingov.github.io/ns/acr/phishing-resistant"),
                        new SamlLevel("piv-cac", "https://kclogingov.github.io/ns/acr/piv-cac"),
                        new SamlLevel("verified", "urn:acr.login.gov:verified"),
                        new SamlLevel("verified-facial-match", "urn:acr.login.gov:verified-facial-match-required")),
                levels);
    }

    @Test
    void a_level_without_a_uri_is_left_out() throws Exception {
        String realm =
                "{\"attributes\":{\"acr.loa.map\":\"{\\\"a\\\":1,\\\"b\\\":2}\",\"acr.uri.map\":\"{\\\"b\\\":\\\"urn:b\\\"}\"}}";

        assertEquals(List.of(new SamlLevel("b", "urn:b")), SamlRealmLevels.fromRealmJson(realm));
    }

    @Test
    void a_realm_without_a_uri_column_is_refused_with_a_reason() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> SamlRealmLevels.fromRealmJson("{\"attributes\":{\"acr.loa.map\":\"{\\\"a\\\":1}\"}}"));
        assertEquals(
                "the realm has no attributes \"acr.loa.map\" and \"acr.uri.map\" (the ACR to LoA mapping and its URI column)",
                refused.getMessage());
    }
}
