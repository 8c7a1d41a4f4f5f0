package io.github.kclogingov.broker.theme;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The login theme's files as the provider JAR ships them (they are on the test class path). */
final class ThemeFiles {

    static final String LOGIN = "theme/logingov/login/";

    private ThemeFiles() {}

    static String text(String path) throws IOException {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Properties properties(String path) throws IOException {
        try (InputStream in = open(path)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static InputStream open(String path) {
        InputStream in = ThemeFiles.class.getClassLoader().getResourceAsStream(LOGIN + path);
        assertNotNull(in, () -> LOGIN + path + " is not on the class path");
        return in;
    }
}
