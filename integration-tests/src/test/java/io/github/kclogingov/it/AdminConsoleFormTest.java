package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.protocol.Registration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator adds a Login.gov provider in Keycloak's admin console, in a real (headless)
 * Chromium, the way a person would: no REST call creates or changes it. The page says Login.gov,
 * shows the defaults and both redirect URIs, refuses a bad configuration naming every field to
 * change in one message, and keeps the settings across a reload. Screenshots of each step go to
 * {@code target/screenshots/console-*.png}.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
@EnabledIf("io.github.kclogingov.it.BrowserStepUpTest#chromiumIsInstalled")
class AdminConsoleFormTest extends BrokerIntegrationTest {

    private static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:console";
    private static final String ADMIN_THEME = "logingov";
    /** The alias the console proposes: the one the application developers' guide's {@code kc_idp_hint} uses. */
    private static final String ALIAS = BrokerRealm.ALIAS;

    @InjectWebDriver
    ManagedWebDriver browser;

    private Path screenshots;
    private Duration implicitWait;

    @BeforeEach
    void realm() throws IOException {
        realm = realmOfThisClass("console", Registration.VERIFIED);
        // The imported realm's provider has the alias the console proposes: the admin adds it anew.
        realm.resource().identityProviders().findAll().stream()
                .filter(provider -> "login.gov".equals(provider.getProviderId()))
                .forEach(provider -> realm.resource()
                        .identityProviders()
                        .get(provider.getAlias())
                        .remove());
        // The console the master admin signs in to takes the master realm's admin theme: the
        // extension's, as the install steps (README, docs/administrators.md) has the admin choose it.
        RealmRepresentation master = admin.realm("master").toRepresentation();
        if (!ADMIN_THEME.equals(master.getAdminTheme())) {
            master.setAdminTheme(ADMIN_THEME);
            admin.realm("master").update(master);
        }
        screenshots = Path.of(System.getProperty("logingov.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Files.deleteIfExists(screenshots.resolve("console-failure.png"));
        driver().manage().window().setSize(new Dimension(1280, 2200));
        implicitWait = driver().manage().timeouts().getImplicitWaitTimeout();
        driver().manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterEach
    void restoreWait() {
        if (implicitWait != null) {
            driver().manage().timeouts().implicitlyWait(implicitWait);
        }
    }

    @Test
    void an_admin_adds_a_login_gov_provider_in_the_console_and_its_settings_are_kept() {
        try {
            addThroughTheConsole();
        } catch (AssertionError | RuntimeException e) {
            screenshot("console-failure");
            throw new AssertionError(e.getMessage() + "\n  at URL " + driver().getCurrentUrl(), e);
        }
    }

    private void addThroughTheConsole() {
        driver().navigate()
                .to(urls.getBase() + "/admin/master/console/#/" + realm.name() + "/identity-providers/login.gov/add");
        waitFor(
                "the admin sign-in page",
                d -> !d.findElements(By.id("username")).isEmpty());
        driver().findElement(By.id("username")).sendKeys("admin");
        driver().findElement(By.id("password")).sendKeys("admin");
        driver().findElement(By.id("kc-login")).click();
        waitFor(
                "the Add page",
                d -> !d.findElements(By.cssSelector("[data-testid='createProvider']"))
                        .isEmpty());
        screenshot("console-01-add-page");

        assertEquals(
                "Add Login.gov provider", driver().findElement(By.tagName("h1")).getText());
        assertEquals(ALIAS, field("alias").getAttribute("value"), "the alias the docs use");
        assertEquals("300", field("config.logingovIdTokenMaxAgeSeconds").getAttribute("value"));
        assertEquals("43200", field("config.logingovIalMaxAgeSeconds").getAttribute("value"));
        assertEquals("urn:acr.login.gov:auth-only", toggleText("logingovIal"));
        assertEquals("Login.gov default (no AAL sent)", toggleText("logingovAal"));
        assertTrue(pageText().contains("/realms/" + realm.name() + "/broker/logingov/endpoint"), "the redirect URI");
        assertFalse(
                pageText().contains("Token URL") || pageText().contains("Client assertion signature algorithm"),
                "no stock OpenID Connect field the provider derives");
        assertFalse(
                driver().findElement(By.id("config.clientSecret")).isDisplayed(),
                "no Client Secret field: Login.gov has none");
        assertFalse(pageText().contains("Client Secret"), "no Client Secret label");
        assertTrue(
                driver().findElement(By.id("logingov-client-id-note")).getText().contains("Login.gov's Issuer"),
                "Client ID says what Login.gov calls it");
        waitFor(
                "both redirect URIs to register, in full before the provider exists",
                d -> logoutRedirectUri(ALIAS)
                        .equals(field("config.logingovLogoutRedirectUri").getAttribute("value")));
        theAliasStaysAsTyped();

        assertEquals(List.of("auth-only", "verified"), choices("logingovRegistration"));
        chooseOpen("verified");
        List<String> ialChoices = choices("logingovIal");
        assertEquals("urn:acr.login.gov:auth-only", ialChoices.get(0));
        assertTrue(ialChoices.stream()
                .filter(choice -> choice.startsWith("http://"))
                .allMatch(choice -> choice.endsWith("(legacy)") || choice.contains("IALMAX")));
        chooseOpen("urn:acr.login.gov:verified");
        List<String> aalChoices = choices("logingovAal");
        assertFalse(aalChoices.stream().anyMatch(String::isBlank), "no blank AAL row: " + aalChoices);
        assertFalse(aalChoices.contains("Default authentication level (AAL)"), "no self-labelled row");
        chooseOpen("http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true");

        // Three problems at once: a client ID with a space, an id_token age of zero, a key ID that
        // names no key of the realm.
        type("config.clientId", "urn:gov agency");
        type("config.logingovIdTokenMaxAgeSeconds", "0");
        type("config.logingovSigningKeyId", "no-such-kid");
        String refusal = submitAndReadRefusal();
        screenshot("console-02-refused");
        assertTrue(refusal.contains("3 Login.gov settings need a change"), refusal);
        theRefusalStaysUntilClosed("3 Login.gov settings need a change");
        assertTrue(refusal.contains("Client ID: The client ID must not contain spaces"), refusal);
        assertTrue(
                refusal.contains("id_token maximum age (seconds): The id_token maximum age must be a positive"),
                refusal);
        assertTrue(refusal.contains("Client assertion key ID: this realm has no key with kid 'no-such-kid'"), refusal);
        assertNothingCreated();
        // Each problem also under its own field, where it is fixed.
        List<String> inline = inlineProblems(3);
        assertTrue(inline.get(0).startsWith("The client ID must not contain spaces"), inline.toString());
        assertTrue(
                inline.stream().anyMatch(p -> p.startsWith("The id_token maximum age must be a positive")),
                inline.toString());
        assertEquals(
                "this realm has no key with kid 'no-such-kid'",
                problemUnder("config.logingovSigningKeyId").orElseThrow().split("\\.")[0],
                "the key's problem under the key's field");

        // The realm's active signing key, alone: refused at once, not at the next sign-in.
        type("config.clientId", CLIENT_ID);
        type("config.logingovIdTokenMaxAgeSeconds", "600");
        String activeKid = realm.resource().keys().getKeyMetadata().getActive().get("RS256");
        type("config.logingovSigningKeyId", activeKid);
        refusal = submitAndReadRefusal();
        screenshot("console-02b-refused-active-key");
        assertTrue(refusal.contains("Client assertion key ID: the key '" + activeKid + "' is active"), refusal);
        assertNothingCreated();
        assertEquals(1, inlineProblems(1).size(), "the fixed fields lost their problems");
        assertTrue(problemUnder("config.logingovSigningKeyId").orElseThrow().contains("is active"));

        // Emptied, as docs/administrators.md says: saving gives the provider a key of its own.
        type("config.logingovSigningKeyId", "");
        screenshot("console-02c-ready-to-add");
        driver().findElement(By.cssSelector("[data-testid='createProvider']")).click();
        waitFor("the provider's settings page", d -> d.getCurrentUrl().endsWith("/" + ALIAS + "/settings"));

        driver().navigate().refresh();
        waitFor(
                "the settings after a reload",
                d -> !d.findElements(By.id("config.clientId")).isEmpty()
                        && CLIENT_ID.equals(
                                d.findElement(By.id("config.clientId")).getAttribute("value")));
        screenshot("console-03-saved-and-reloaded");
        assertEquals("600", field("config.logingovIdTokenMaxAgeSeconds").getAttribute("value"));
        String kid = field("config.logingovSigningKeyId").getAttribute("value");
        assertFalse(
                kid.isBlank() || kid.equals(BrokerRealm.KEY_ID) || kid.equals(activeKid), "a key of its own: " + kid);
        KeyMetadataRepresentation key = realm.resource().keys().getKeyMetadata().getKeys().stream()
                .filter(k -> kid.equals(k.getKid()))
                .findFirst()
                .orElseThrow();
        assertEquals("PASSIVE", key.getStatus(), "the generated key never signs Keycloak's tokens");
        assertTrue(
                field("config.logingovSigningKeyCertificate")
                        .getAttribute("value")
                        .contains("expires"),
                "the certificate's subject and expiry are shown");
        for (String readOnly : List.of(
                "config.logingovSigningKeyCertificate",
                "config.logingovSigningKeyCertificateUrl",
                "config.logingovLogoutRedirectUri")) {
            assertNotNull(field(readOnly).getAttribute("readonly"), readOnly + " is read-only");
        }
        assertFalse(driver().findElement(By.id("config.clientSecret")).isDisplayed(), "still no Client Secret");

        // The certificate, downloaded as the admin's click would: the link's own URL, by the browser.
        WebElement download = driver().findElement(By.id("logingov-download-certificate"));
        assertEquals("Download certificate (PEM)", download.getText());
        String pem = (String) ((JavascriptExecutor) driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0].href).then(r => r.text()).then(done, e => done('failed: ' + e));",
                        download);
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----"), pem);
        assertEquals(
                key.getCertificate(),
                pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""),
                "the PEM is the generated key's certificate");
        screenshot("console-04-certificate");
        assertEquals("urn:acr.login.gov:verified", toggleText("logingovIal"));
        assertEquals("http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true", toggleText("logingovAal"));
        assertEquals(
                logoutRedirectUri(ALIAS),
                field("config.logingovLogoutRedirectUri").getAttribute("value"));
        theLogoutRedirectUriIsWholeWithACopyButton();

        // What the console saved is what the server keeps: read back, never written, through REST.
        Map<String, String> saved = realm.resource()
                .identityProviders()
                .get(ALIAS)
                .toRepresentation()
                .getConfig();
        assertEquals("urn:acr.login.gov:verified", saved.get("logingovIal"));
        assertEquals("600", saved.get("logingovIdTokenMaxAgeSeconds"));
        assertFalse("anything".equals(saved.get("clientSecret")), "the typed secret is not kept");
    }

    /**
     * Emptied, the Alias stays empty (the console alone would refill it with the provider type),
     * Add is refused under the field, and the URLs to register follow every keystroke and paste.
     */
    private void theAliasStaysAsTyped() {
        type("config.clientId", CLIENT_ID); // Add stays greyed out without one
        type("alias", "");
        sleep(Duration.ofMillis(1500)); // past the theme's and the console's re-renders
        assertEquals("", field("alias").getAttribute("value"), "an emptied alias stays empty");
        assertEquals("", field("config.logingovLogoutRedirectUri").getAttribute("value"));
        driver().findElement(By.cssSelector("[data-testid='createProvider']")).click();
        String problem = waitFor(
                "the empty alias refused",
                d -> d.findElements(By.id("logingov-alias-problem")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse(null));
        screenshot("console-01b-empty-alias-refused");
        assertTrue(problem.startsWith("Enter an alias"), problem);
        assertTrue(driver().getCurrentUrl().endsWith("/add"), "still on the Add page");
        assertNothingCreated();

        String typed = "";
        for (char c : "logingov-sandbox".toCharArray()) {
            field("alias").sendKeys(String.valueOf(c));
            typed += c;
            // Read at once: the URLs are made in the keystroke's own event, not on a later render.
            assertEquals(typed, field("alias").getAttribute("value"));
            assertEquals(
                    logoutRedirectUri(typed),
                    field("config.logingovLogoutRedirectUri").getAttribute("value"));
            assertEquals(
                    urls.getBase() + "/realms/" + realm.name() + "/logingov/" + typed + "/security-events",
                    field("config.logingovSecurityEventsPushUrl").getAttribute("value"));
        }
        assertTrue(
                driver().findElements(By.id("logingov-alias-problem")).isEmpty(),
                "the problem goes with a typed alias");
        sleep(Duration.ofMillis(1500));
        assertEquals(
                logoutRedirectUri("logingov-sandbox"),
                field("config.logingovLogoutRedirectUri").getAttribute("value"),
                "still the typed alias's after the console re-rendered");
        assertTrue(
                pageText().contains(logoutRedirectUri("logingov-sandbox").replace("/logout_response", "")),
                "the console's Redirect URI follows too");
        screenshot("console-01c-alias-typed");

        // Replaced whole in one edit, as a paste over a selection is: a single input event.
        ((JavascriptExecutor) driver())
                .executeScript(
                        "const f = arguments[0]; f.select();"
                                + " document.execCommand('insertText', false, arguments[1]);",
                        field("alias"),
                        ALIAS);
        assertEquals(ALIAS, field("alias").getAttribute("value"));
        assertEquals(
                logoutRedirectUri(ALIAS),
                field("config.logingovLogoutRedirectUri").getAttribute("value"));
    }

    /** The console's own alert closes by itself after seconds; the refusal stays in the form. */
    private void theRefusalStaysUntilClosed(String expected) {
        waitFor(
                "the console's alert to close by itself",
                d -> d.findElements(By.cssSelector(".pf-v5-c-alert.pf-m-danger:not(#logingov-refusal)"))
                        .isEmpty());
        WebElement kept = driver().findElement(By.id("logingov-refusal"));
        assertTrue(kept.isDisplayed() && kept.getText().contains(expected), kept.getText());
        screenshot("console-02a-refusal-kept");
    }

    private void theLogoutRedirectUriIsWholeWithACopyButton() {
        WebElement block = driver().findElement(By.id("logingov-copy-logingovLogoutRedirectUri"));
        WebElement text = block.findElement(By.cssSelector(".pf-v5-c-clipboard-copy__text"));
        assertEquals(logoutRedirectUri(ALIAS), text.getText(), "shown whole");
        assertTrue(
                (Boolean) ((JavascriptExecutor) driver())
                        .executeScript(
                                "const e = arguments[0]; return e.scrollWidth <= e.clientWidth + 1"
                                        + " && e.getBoundingClientRect().right <= window.innerWidth;",
                                text),
                "nothing cut off");
        WebElement copy = block.findElement(By.tagName("button"));
        assertTrue(copy.isDisplayed());
        copy.click();
        waitFor("the copy to succeed", d -> "true".equals(copy.getAttribute("data-copied")));
        screenshot("console-03b-logout-redirect-uri-copied");
    }

    private String logoutRedirectUri(String alias) {
        return urls.getBase() + "/realms/" + realm.name() + "/broker/" + alias + "/endpoint/logout_response";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Presses Add and waits for the console's error alert about Login.gov's settings. */
    private String submitAndReadRefusal() {
        // The alert of an earlier refusal must not be read as this one's: closed as an admin would.
        for (WebElement close :
                driver().findElements(By.cssSelector(".pf-v5-c-alert.pf-m-danger .pf-v5-c-alert__action button"))) {
            close.click();
        }
        waitFor(
                "earlier alerts closed",
                d -> d.findElements(By.cssSelector(".pf-v5-c-alert.pf-m-danger"))
                        .isEmpty());
        driver().findElement(By.cssSelector("[data-testid='createProvider']")).click();
        return waitFor(
                "the refusal",
                d -> d.findElements(By.cssSelector(".pf-v5-c-alert.pf-m-danger")).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains("Client assertion key ID") || text.contains("need a change"))
                        .findFirst()
                        .orElse(null));
    }

    /** The problems the admin theme shows under the fields, top to bottom, once there are {@code count}. */
    private List<String> inlineProblems(int count) {
        return waitFor("the problems under their fields", d -> {
            List<String> texts = d.findElements(By.cssSelector(".logingov-problem")).stream()
                    .map(WebElement::getText)
                    .toList();
            return texts.size() == count ? texts : null;
        });
    }

    private Optional<String> problemUnder(String fieldId) {
        WebElement group =
                field(fieldId).findElement(By.xpath("ancestor::*[contains(@class,'pf-v5-c-form__group')][1]"));
        return group.findElements(By.cssSelector(".logingov-problem")).stream()
                .map(WebElement::getText)
                .findFirst();
    }

    private void assertNothingCreated() {
        assertTrue(
                realm.resource().identityProviders().findAll().stream()
                        .noneMatch(provider -> "login.gov".equals(provider.getProviderId())),
                "nothing is created");
    }

    private WebElement field(String id) {
        return driver().findElement(By.id(id));
    }

    /** Replaces a text field's value by keyboard, so that React sees every change. */
    private void type(String id, String value) {
        WebElement input = field(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    private String toggleText(String toggleId) {
        return driver().findElement(By.id(toggleId)).getText().trim();
    }

    /** Opens a drop-down and lists its rows as shown; the list stays open for {@link #chooseOpen}. */
    private List<String> choices(String toggleId) {
        driver().findElement(By.id(toggleId)).click();
        waitFor(
                "the choices of " + toggleId,
                d -> !d.findElements(By.cssSelector("[role='option']")).isEmpty());
        return driver().findElements(By.cssSelector("[role='option']")).stream()
                .map(option -> option.getText().trim())
                .toList();
    }

    private void chooseOpen(String text) {
        driver().findElement(By.xpath("//*[@role='option'][normalize-space()='" + text + "']"))
                .click();
        waitFor(
                "the list to close",
                d -> d.findElements(By.cssSelector("[role='option']")).isEmpty());
    }

    private String pageText() {
        StringBuilder text =
                new StringBuilder(driver().findElement(By.tagName("body")).getText());
        driver().findElements(By.tagName("input"))
                .forEach(input -> text.append('\n').append(input.getAttribute("value")));
        return text.toString();
    }

    private <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            // The console re-renders while a wait polls: an element found a moment earlier may be stale.
            return new WebDriverWait(driver(), Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (RuntimeException e) {
            throw new AssertionError("waited 30 s for " + what, e);
        }
    }

    private void screenshot(String name) {
        try {
            Files.copy(
                    ((TakesScreenshot) driver())
                            .getScreenshotAs(OutputType.FILE)
                            .toPath(),
                    screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriver driver() {
        return browser.driver();
    }
}
