package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.ClientAuthentication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneTest {
    private static final String CLIENT = "urn:gov:gsa:openidconnect.profiles:sp:sso:demo:app";

    @TempDir
    Path folder;

    private Path writeConfig() throws Exception {
        Files.writeString(folder.resolve("client.pem"), TestClients.KEY_A.certificatePem());
        String json = """
                {
                  "mode": "interactive",
                  "autoPersona": "custom",
                  "serviceProviders": [
                    {"clientId": "%s", "redirectUris": ["http://localhost:8080/realms/demo/broker/logingov/endpoint"],
                     "postLogoutRedirectUris": ["http://localhost:8080/after-logout"],
                     "authentication": "private_key_jwt", "registration": "verified", "certificateFiles": ["client.pem"]},
                    {"clientId": "urn:gov:gsa:openidconnect.profiles:sp:sso:demo:spa", "redirectUris": ["http://localhost:3000/cb"],
                     "authentication": "pkce", "registration": "auth-only"}
                  ],
                  "personas": [
                    {"id": "custom", "displayName": "Pat Custom", "proofing": "verified-with-facial-match",
                     "email": "pat@example.com", "givenName": "Pat", "familyName": "Custom", "birthdate": "1990-01-02",
                     "address": {"streetAddress": "1 Example St", "locality": "Sampletown", "region": "VA", "postalCode": "22000"},
                     "phone": "+12025550100", "socialSecurityNumber": "900000001", "verifiedAt": "2025-05-05T05:05:05Z"}
                  ]
                }
                """.formatted(CLIENT);
        return Files.writeString(folder.resolve("simulator.json"), json);
    }

    @Test
    void runs_from_a_config_file_and_prints_where_to_find_it() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LoginGovSimulator simulator = Main.run(
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                "--port",
                "0",
                "--config",
                writeConfig().toString(),
                "--mode",
                "automatic")) {
            String banner = printed.toString(StandardCharsets.UTF_8);
            assertTrue(banner.contains(simulator.issuer()));
            assertTrue(banner.contains(simulator.endpoints().discovery()));
            assertTrue(banner.contains(CLIENT));
            assertTrue(banner.contains("custom: Pat Custom"));
            assertEquals(Mode.AUTOMATIC, simulator.mode(), "--mode overrides the file");
            assertEquals(200, Http.get(simulator.endpoints().discovery()).statusCode());

            AuthorizeParams params = AuthorizeParams.validFor(CLIENT)
                    .acr(AuthorizeParams.VERIFIED)
                    .scope("openid profile");
            String code = Flows.code(simulator, params);
            Map<String, String> form = Flows.tokenForm(simulator, CLIENT, code);
            form.put(
                    "client_assertion",
                    ClientAssertionBuilder.forClient(CLIENT, simulator, Clock.systemUTC())
                            .sign());
            var response = Flows.token(simulator, form);
            assertEquals(200, response.statusCode(), response::body);
            var claims = Flows.Tokens.of(Http.json(response), code).claims();
            assertEquals("Pat", claims.getClaim("given_name"));
            assertEquals(1746421505L, ((Number) claims.getClaim("verified_at")).longValue());
            assertTrue(simulator
                    .serviceProviders()
                    .get(0)
                    .acceptsPostLogoutRedirectUri("http://localhost:8080/after-logout"));
        }
    }

    @Test
    void the_example_configuration_file_in_the_readme_is_valid() throws Exception {
        Path example = Path.of("simulator.example.json");
        // The certificate the example names is the one the key writer makes, as the README runs it.
        ClientAssertionKeyFiles.writeIfAbsent(folder);
        Path copy = Files.copy(example, folder.resolve("simulator.json"));
        SimulatorConfig config = Main.readConfig(copy).build();
        assertEquals(Mode.INTERACTIVE, config.mode());
        assertEquals(2, config.serviceProviders().size());
        assertEquals(ClientAuthentication.PKCE, config.serviceProviders().get(1).authentication());
        assertEquals(Persona.defaults(), config.personas());
    }

    @Test
    void explains_bad_arguments() {
        assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("--port", "8081"));
        assertThrows(
                CommandLine.UsageException.class, () -> CommandLine.parse("--config", "x.json", "--mode", "sometimes"));
        assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("--config"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("--help"))
                .helpAsked());
        assertThrows(
                IllegalArgumentException.class, () -> Main.run("--port", "0"), "a public exception type for embedders");
        assertEquals(
                CommandLine.DEFAULT_PORT,
                assertDoesNotThrowParse("--config", "x.json").port());
    }

    private static CommandLine assertDoesNotThrowParse(String... args) {
        return CommandLine.parse(args);
    }
}
