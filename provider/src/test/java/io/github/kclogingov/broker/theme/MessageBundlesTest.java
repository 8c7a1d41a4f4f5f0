package io.github.kclogingov.broker.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login theme speaks the four languages it ships with: every English message has its translation. */
class MessageBundlesTest {

    private static final String MESSAGES = "theme/logingov/login/messages/";

    @ParameterizedTest
    @ValueSource(strings = {"es", "fr", "zh_Hans"})
    void each_language_has_every_english_message(String language) throws IOException {
        // The English failure message lives with the provider's theme resources, for realms on any login theme.
        Set<String> english = keys("en");
        english.addAll(load("theme-resources/messages/messages_en.properties").stringPropertyNames());
        Set<String> translated = keys(language);

        assertEquals(english, translated, () -> language + " differs from English");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "fr", "zh_Hans"})
    void a_cancel_at_login_gov_reads_as_a_cancel_naming_the_provider(String language) throws IOException {
        String cancelled = bundle(language).getProperty("access-denied-when-idp-auth");

        assertNotNull(cancelled, () -> language + " has no text for a cancelled sign-in");
        assertTrue(cancelled.contains("{0}"), "the provider's name is in the text");
    }

    private static Set<String> keys(String language) throws IOException {
        return new TreeSet<>(bundle(language).stringPropertyNames());
    }

    private static Properties bundle(String language) throws IOException {
        return load(MESSAGES + "messages_" + language + ".properties");
    }

    private static Properties load(String path) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, () -> path + " is not on the class path");
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
