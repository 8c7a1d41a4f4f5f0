package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppCommandLineTest {

    private static AppCommandLine parse(String... args) throws AppUsageException {
        return AppCommandLine.parse(List.of(args), Map.of());
    }

    /** The one-line message of the refusal, which must name the option or variable at fault. */
    private static String refusal(Map<String, String> environment, String... args) {
        AppUsageException e =
                assertThrows(AppUsageException.class, () -> AppCommandLine.parse(List.of(args), environment));
        assertFalse(e.helpAsked());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static String refusal(String... args) {
        return refusal(Map.of(), args);
    }

    @Test
    void without_options_it_is_the_maven_demo_s_application_on_loopback() throws AppUsageException {
        AppCommandLine defaults = parse();
        assertEquals(URI.create("http://localhost:8082/"), defaults.appUrl());
        assertEquals("http://localhost:8080/realms/demo", defaults.issuer());
        assertEquals("demo-app", defaults.clientId());
        assertEquals(8082, defaults.port());
        assertTrue(defaults.bindAddress().isLoopbackAddress(), "loopback unless asked otherwise");
        assertEquals(Path.of("realm-export/logingov-demo-realm.json"), defaults.realmFile());
    }

    @Test
    void every_option_is_read() throws Exception {
        AppCommandLine commandLine = parse(
                "--app-url", "https://demo.example.gov/app/",
                "--issuer", "https://sso.example.gov/realms/agency",
                "--client-id", "agency-app",
                "--port", "9443",
                "--bind", "0.0.0.0",
                "--realm-file", "/opt/demo/demo-realm.json");
        assertEquals(URI.create("https://demo.example.gov/app/"), commandLine.appUrl());
        assertEquals("https://sso.example.gov/realms/agency", commandLine.issuer());
        assertEquals("agency-app", commandLine.clientId());
        assertEquals(9443, commandLine.port());
        assertEquals(InetAddress.getByName("0.0.0.0"), commandLine.bindAddress());
        assertEquals(Path.of("/opt/demo/demo-realm.json"), commandLine.realmFile());
        assertEquals(
                "https://demo.example.gov/app/callback",
                commandLine.settings(List.of("verified")).redirectUri());
    }

    @Test
    void environment_variables_fill_in_and_options_win() throws AppUsageException {
        Map<String, String> environment = Map.of(
                "DEMO_APP_PORT", "9000",
                "DEMO_APP_BIND", "::",
                "DEMO_APP_ISSUER", "http://keycloak:8080/realms/demo",
                "DEMO_APP_CLIENT_ID", "from-environment");
        AppCommandLine commandLine =
                AppCommandLine.parse(List.of("--client-id", "from-option", "--port", "9001"), environment);
        assertEquals(9001, commandLine.port());
        assertEquals("from-option", commandLine.clientId());
        assertEquals("http://keycloak:8080/realms/demo", commandLine.issuer());
        assertTrue(commandLine.bindAddress().isAnyLocalAddress(), "IPv6 wildcard");
    }

    @Test
    void the_default_app_url_follows_the_port() throws AppUsageException {
        assertEquals(
                URI.create("http://localhost:9090/"), parse("--port", "9090").appUrl());
    }

    @Test
    void an_app_url_without_a_path_is_the_root() throws AppUsageException {
        assertEquals(
                URI.create("http://localhost:8082/"),
                parse("--app-url", "http://localhost:8082").appUrl());
    }

    @Test
    void help_is_not_a_mistake() {
        AppUsageException e = assertThrows(AppUsageException.class, () -> parse("--port", "1", "--help"));
        assertTrue(e.helpAsked());
        assertTrue(e.getMessage().startsWith("Usage:"), e.getMessage());
        for (String option :
                new String[] {"--app-url", "--issuer", "--client-id", "--port", "--bind", "--realm-file"}) {
            assertTrue(e.getMessage().contains(option), option);
        }
    }

    @Test
    void a_missing_value_is_named() {
        assertEquals("--port needs a value (--help lists the options)", refusal("--port"));
        assertEquals("--issuer needs a value (--help lists the options)", refusal("--bind", "0.0.0.0", "--issuer"));
    }

    @Test
    void unknown_repeated_and_stray_arguments_are_refused() {
        assertEquals("Unknown option \"--portt\" (--help lists the options)", refusal("--portt", "8082"));
        assertEquals("Unexpected argument \"8082\" (--help lists the options)", refusal("8082"));
        assertEquals("--port is given twice", refusal("--port", "9001", "--port", "9002"));
    }

    @Test
    void an_empty_value_is_refused_rather_than_taken_for_the_default() {
        assertEquals("--client-id is empty; leave it out for the default", refusal("--client-id", " "));
        assertEquals("DEMO_APP_BIND is empty; leave it out for the default", refusal(Map.of("DEMO_APP_BIND", "")));
    }

    @ParameterizedTest
    @CsvSource({"abc", "0", "-1", "65536", "8082.0", "99999999999", "'８０８２'"})
    void a_port_outside_1_to_65535_is_refused(String port) {
        assertEquals("--port must be a port number from 1 to 65535, not \"" + port + "\"", refusal("--port", port));
    }

    @Test
    void a_malformed_environment_value_is_named_by_its_variable() {
        assertTrue(refusal(Map.of("DEMO_APP_PORT", "http")).startsWith("DEMO_APP_PORT must be a port number"));
    }

    @ParameterizedTest
    @CsvSource({"example.com", "256.1.1.1", "1.2.3", "0.0.0.0.0", "::g", "'127.0.0.1 '", "'\t'"})
    void a_bind_address_must_be_an_ip_address(String address) {
        String message = refusal("--bind", address);
        assertTrue(
                message.equals("--bind is empty; leave it out for the default")
                        || message.startsWith("--bind must be an IP address such as 127.0.0.1 or 0.0.0.0, not "),
                message);
    }

    @Test
    void localhost_is_taken_as_loopback_without_asking_dns() throws AppUsageException {
        assertTrue(parse("--bind", "localhost").bindAddress().isLoopbackAddress());
        assertTrue(parse("--bind", "::1").bindAddress().isLoopbackAddress());
    }

    @ParameterizedTest
    @CsvSource({
        "ftp://localhost:8082/, must be an http:// or https:// URL",
        "localhost:8082/, must be an http:// or https:// URL",
        "http:///app/, must be an http:// or https:// URL",
        "'http://local host/', must be an http:// or https:// URL",
        "http://user@localhost:8082/, must be an http:// or https:// URL",
        "http://localhost:8082/app, must end with /",
        "http://localhost:8082/?x=1, must have no ?query or #fragment",
        "http://localhost:8082/#top, must have no ?query or #fragment"
    })
    void a_malformed_app_url_is_refused(String url, String expected) {
        String message = refusal("--app-url", url);
        assertTrue(message.startsWith("--app-url " + expected), message);
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:8080/realms/demo/, without a trailing /",
        "realms/demo, must be an http:// or https:// URL",
        "http://localhost:8080/realms/demo?x, must have no ?query"
    })
    void a_malformed_issuer_is_refused(String issuer, String expected) {
        String message = refusal("--issuer", issuer);
        assertTrue(message.startsWith("--issuer ") && message.contains(expected), message);
    }

    @Test
    void a_client_id_with_spaces_is_refused() {
        assertTrue(refusal("--client-id", "demo app").startsWith("--client-id must be the realm's client id"));
    }

    @Test
    void control_characters_in_a_refused_value_do_not_break_the_line() {
        assertEquals("--port must be a port number from 1 to 65535, not \"80?82\"", refusal("--port", "80\n82"));
    }
}
