package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code logingov} admin theme's script holds its own copies of two provider facts (the
 * console's generic form cannot ask the server for them): the read-only settings and the client
 * secret marker. They must stay equal to the provider's.
 */
class AdminThemeScriptTest {

    private static final String SCRIPT = "theme/logingov/admin/resources/js/logingov-admin.js";

    @Test
    void the_script_makes_exactly_the_providers_read_only_settings_read_only() throws IOException {
        String script = script();
        Matcher list = Pattern.compile("READ_ONLY_SETTINGS = \\[([^\\]]*)\\]").matcher(script);
        assertTrue(list.find(), "the script lists READ_ONLY_SETTINGS");
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
        while (name.find()) {
            names.add(name.group(1));
        }
        assertEquals(new TreeSet<>(ConfigForm.readOnlyNames()), names);
    }

    @Test
    void the_script_fills_the_hidden_client_secret_with_the_providers_marker() throws IOException {
        assertTrue(
                script().contains("const UNUSED_CLIENT_SECRET = \""
                        + LoginGovIdentityProviderConfig.UNUSED_CLIENT_SECRET + "\";"),
                "the script's marker is " + LoginGovIdentityProviderConfig.UNUSED_CLIENT_SECRET);
    }

    @Test
    void the_certificate_link_reads_the_certificate_url_setting() throws IOException {
        assertTrue(script().contains(
                        "const CERTIFICATE_URL_SETTING = \"" + ConfigKeys.SIGNING_KEY_CERTIFICATE_URL + "\";"));
    }

    private static String script() throws IOException {
        try (InputStream in = AdminThemeScriptTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertNotNull(in, SCRIPT + " is packaged with the provider");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
