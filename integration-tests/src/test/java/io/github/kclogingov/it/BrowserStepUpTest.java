package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.RecordedAuthorization;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Step-up as a person lives it, in a real (headless) Chromium: the application's sign-in, the
 * Login.gov button on Keycloak's page, and later the same browser asked for a verified level,
 * going straight back to Login.gov and returning to the application raised. The application is a
 * page on the test framework's HTTP server at {@value BrokerRealm#APP_REDIRECT_URI}.
 *
 * <p>Needs Chromium and its driver ({@code apt-get install chromium chromium-driver}; CI installs
 * them). Without them the test reports itself skipped rather than failing on a missing browser.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
@EnabledIf("chromiumIsInstalled")
class BrowserStepUpTest extends BrokerIntegrationTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectHttpServer
    HttpServer application;

    static boolean chromiumIsInstalled() {
        return Files.isExecutable(CHROMEDRIVER)
                && (Files.isExecutable(Path.of("/usr/bin/chromium"))
                        || Files.isExecutable(Path.of("/usr/bin/chromium-browser")));
    }

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("browser", Registration.VERIFIED);
        realm.reset("verified");
        application.createContext("/callback", exchange -> {
            byte[] page = "<html><body><h1 id=\"app\">Signed in to the application</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
    }

    @Test
    void a_person_signed_in_at_auth_only_steps_up_to_verified_in_the_same_browser() throws IOException {
        SignInFlow tokens = new SignInFlow(realm);

        browser.open(authorizationUrl(Map.of()));
        assertTrue(
                browser.findElement(By.id("social-" + BrokerRealm.ALIAS))
                        .getText()
                        .contains("Sign in with Login.gov"),
                "Keycloak's login page offers Login.gov");
        browser.findElement(By.id("social-" + BrokerRealm.ALIAS)).click();
        JsonNode first = tokens.exchangeCodeClaims(codeAtApplication());
        assertEquals("auth-only", first.get("acr").asText());

        // The application now needs a verified person: the browser goes to Login.gov and back, no login page.
        browser.open(authorizationUrl(Map.of("acr_values", "verified")));
        JsonNode raised = tokens.exchangeCodeClaims(codeAtApplication());

        List<RecordedAuthorization> authorizations = simulator.recorder().authorizations();
        assertEquals(2, authorizations.size(), "two authorization requests reached Login.gov");
        assertEquals("urn:acr.login.gov:auth-only", authorizations.get(0).parameter("acr_values"));
        assertEquals("urn:acr.login.gov:verified", authorizations.get(1).parameter("acr_values"));
        assertEquals("verified", raised.get("acr").asText());
        assertEquals("urn:acr.login.gov:verified", raised.get("logingov_ial").asText());
        assertEquals(first.get("sub").asText(), raised.get("sub").asText());
        assertEquals(first.get("sid").asText(), raised.get("sid").asText());
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size(), "one user");
        assertEquals(
                1,
                realm.resource()
                        .users()
                        .get(users.get(0).getId())
                        .getFederatedIdentity()
                        .size(),
                "one federated link");

        // Asking again for what the session has stays in Keycloak.
        browser.open(authorizationUrl(Map.of("acr_values", "verified")));
        assertEquals(
                "verified",
                tokens.exchangeCodeClaims(codeAtApplication()).get("acr").asText());
        assertEquals(2, simulator.recorder().authorizations().size(), "Login.gov was not asked a third time");
    }

    /** Waits until the browser shows the application's page, and answers the code in its address. */
    private String codeAtApplication() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> SignInFlow.isApplication(URI.create(driver.getCurrentUrl())));
        assertEquals(
                "Signed in to the application",
                browser.findElement(By.id("app")).getText());
        String code = HttpBrowser.query(URI.create(browser.getCurrentUrl())).get("code");
        assertTrue(code != null && !code.isBlank(), () -> "no code at " + browser.getCurrentUrl());
        return code;
    }

    private String authorizationUrl(Map<String, String> extra) {
        return SignInFlow.authorizationUrl(realm, extra);
    }
}
