package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.demo.app.AppSettings;
import io.github.kclogingov.demo.app.DemoApp;
import io.github.kclogingov.demo.app.RealmLevels;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.KeycloakUnderTest;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo as a person walks through it, in a real (headless) Chromium: the demo application
 * (started in this JVM on its demo port), Keycloak's login page and its Login.gov button, the
 * simulator's persona page (the shared simulator switched to interactive for this test), back to
 * the application signed in, Keycloak's account console (no empty "verified by Login.gov" field
 * at auth-only, the verified address with its lines after the step-up), a step-up to
 * {@code verified}, and sign-out through Login.gov.
 *
 * <p>It also checks what the eye would: the button's computed colours and focus ring against the
 * shipped {@code logingov.css}, and that no page overflows sideways on a 360 px wide screen.
 * Screenshots of each step go to {@code target/screenshots/}; two of them are committed under
 * {@code docs/} for the README.
 *
 * <p>Needs Chromium and its driver, like {@link BrowserStepUpTest}; skipped without them.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
@EnabledIf("chromiumIsInstalled")
class DemoWalkthroughTest extends BrokerIntegrationTest {

    static final int APP_PORT = 8082;
    static final String APP_URL = "http://localhost:" + APP_PORT + "/";
    static final String PERSONA = "Jordan Verified";
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final int PHONE_WIDTH = 360;

    @InjectWebDriver
    ManagedWebDriver browser;

    private DemoApp app;
    private Path screenshots;
    private Duration implicitWait;

    static boolean chromiumIsInstalled() {
        return BrowserStepUpTest.chromiumIsInstalled();
    }

    @BeforeEach
    void start() throws IOException {
        realm = realmOfThisClass("demo-walk", Registration.VERIFIED);
        realm.reset("verified");
        // The login page's title as the demo shows it (the test realms leave the display name out).
        RealmRepresentation representation = realm.resource().toRepresentation();
        representation.setDisplayName(BrokerRealm.realmExport(Map.of()).getDisplayName());
        realm.resource().update(representation);
        simulator.setMode(Mode.INTERACTIVE);
        List<String> levels = RealmLevels.fromRealmFile(Path.of(System.getProperty("logingov.realmExport")));
        app = DemoApp.start(new AppSettings(URI.create(APP_URL), realm.realmUrl(), "demo-app", levels), APP_PORT);
        screenshots = Path.of(System.getProperty("logingov.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Files.deleteIfExists(screenshots.resolve("failure.png"));
        driver().manage().window().setSize(DESKTOP);
        // Every page is waited for explicitly; the framework's implicit wait would make each poll
        // for an element that is not (yet) there last 5 s.
        implicitWait = driver().manage().timeouts().getImplicitWaitTimeout();
        driver().manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterEach
    void stop() {
        // The simulator is shared by the whole run; the other classes expect it automatic.
        simulator.setMode(Mode.AUTOMATIC);
        if (implicitWait != null) {
            driver().manage().timeouts().implicitlyWait(implicitWait);
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_person_signs_in_steps_up_to_verified_and_signs_out_through_the_demo() {
        try {
            walkThrough();
        } catch (AssertionError | RuntimeException e) {
            throw failure(e);
        }
    }

    private void walkThrough() {
        // 1. The application, signed out.
        browser.open(APP_URL);
        waitForHeading("the demo application, signed out", "Not signed in");
        WebElement signIn = driver().findElement(By.id("sign-in"));
        assertEquals("Sign in", signIn.getText(), "the application offers to sign in");
        screenshot("01-app-signed-out");
        assertNoOverflowAtPhoneWidth("01-app-signed-out");
        signIn.click();

        // 2. Keycloak's login page and its Login.gov button, as the shipped CSS draws it.
        WebElement button = waitFor(
                "Keycloak's login page with the Login.gov button",
                d -> d.findElements(By.id("social-" + BrokerRealm.ALIAS)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertTrue(button.getText().contains("Sign in with Login.gov"), "the button says " + button.getText());
        Map<String, String> primary = primaryVariant();
        Map<String, String> style = computedStyle(button, "background-color", "color");
        assertEquals(rgb(primary.get("--logingov-bg")), style.get("background-color"), "button background");
        assertEquals(rgb(primary.get("--logingov-fg")), style.get("color"), "button text colour");
        log("button: background " + style.get("background-color") + ", text " + style.get("color"));
        screenshot("02-login-page");

        focusWithKeyboard(button);
        assertTrue(
                (Boolean) js().executeScript("return arguments[0].matches(':focus-visible')", button),
                "the button shows its keyboard focus (:focus-visible)");
        Map<String, String> ring =
                computedStyle(button, "outline-style", "outline-color", "outline-width", "outline-offset");
        assertNotEquals("none", ring.get("outline-style"), "a focus ring is drawn");
        assertEquals(rgb(primary.get("--logingov-ring")), ring.get("outline-color"), "focus ring colour");
        log("focus ring: " + ring);
        screenshot("02-login-page-button-focused");
        assertNoOverflowAtPhoneWidth("02-login-page");

        // 4. The simulator's persona page: the level in words, the personas.
        button.click();
        waitForHeading("the simulator's persona page", "Sign in to the agency app");
        String picker = pageText();
        assertTrue(picker.contains("Authentication only"), "the persona page names the level in words:\n" + picker);
        assertTrue(
                driver().findElements(By.cssSelector("section.persona")).size() >= 2,
                "the persona page shows the personas:\n" + picker);
        screenshot("04-simulator-personas");
        assertNoOverflowAtPhoneWidth("04-simulator-personas");
        signInAs(PERSONA);

        // 5. Back at the application, signed in at the realm's default level.
        waitForHeading("the demo application, signed in", "Signed in");
        assertEquals("auth-only", claim("acr"), "the realm's level name");
        assertEquals("urn:acr.login.gov:auth-only", claim("logingov_ial"), "Login.gov's IAL");
        screenshot("05-app-signed-in-auth-only");
        assertNoOverflowAtPhoneWidth("05-app-signed-in-auth-only");

        // 5b. The account console in the same session: Login.gov released no verified attribute at
        // auth-only, and the logingov account theme shows no empty "verified by Login.gov" box.
        openAccountConsole();
        waitFor("the empty verified fields hidden", d -> !isShown("birthdate"));
        List<String> labels = shownLabels();
        assertTrue(
                labels.stream().noneMatch(label -> label.contains("verified by Login.gov")),
                "no verified field is shown empty: " + labels);
        assertTrue(labels.contains("First name"), "fields the person can fill in stay: " + labels);
        screenshot("05b-account-console-auth-only");
        browser.open(APP_URL);
        waitForHeading("the demo application, still signed in", "Signed in");

        // 6. Step-up: Keycloak sends the browser straight back to Login.gov.
        driver().findElement(By.xpath("//button[normalize-space()='Ask for verified']"))
                .click();
        waitForHeading("the simulator's persona page for the step-up", "Sign in to the agency app");
        assertTrue(pageText().contains("Identity verified"), "the persona page names the verified level");
        screenshot("06-simulator-personas-verified");
        signInAs(PERSONA);
        waitFor("the application signed in at verified", d -> "verified".equals(claimOrNull("acr")));
        assertEquals("Signed in", heading());
        assertEquals("urn:acr.login.gov:verified", claim("logingov_ial"), "Login.gov's IAL after the step-up");
        screenshot("06-app-signed-in-verified");

        // 6b. The account console again: now the verified attributes are there, the street's two
        // lines kept; a field Login.gov did not release (no PIV/CAC here) is still not shown.
        openAccountConsole();
        waitFor("the verified street address", d -> !fieldValue("street").isEmpty());
        assertTrue(isShown("street") && isShown("birthdate"), "verified fields shown: " + shownLabels());
        assertTrue(fieldValue("street").contains("\n"), "the street keeps its lines: " + fieldValue("street"));
        assertTrue(!isShown("logingov_x509_subject"), "an empty PIV/CAC field is not shown: " + shownLabels());
        // A field the person cannot change looks like one: the address not resizable, grey as the
        // locked username, and whole; the list of email addresses offers no remove and no add.
        for (String address : List.of("street", "formatted")) {
            assertEquals("none", style(address, "resize"), address + " is not resizable");
            assertEquals(
                    wrapperBackground("username"), wrapperBackground(address), address + " is grey as locked fields");
            assertTrue(
                    number("const e = document.getElementById('" + address
                                    + "'); return e.scrollHeight - e.clientHeight")
                            <= 1,
                    address + " shows all its lines: " + fieldValue(address));
        }
        if (KeycloakUnderTest.drawsReadOnlyListsLocked()) {
            assertEquals(
                    0,
                    number("return [...document.querySelector(\"label[for='logingov_all_emails']\")"
                            + ".closest('.pf-v5-c-form__group').querySelectorAll('button')]"
                            + ".filter(b => b.checkVisibility()).length"),
                    () -> "no remove or add button on Login.gov's email addresses: "
                            + js().executeScript("return document.querySelector(\"label[for='logingov_all_emails']\")"
                                    + ".closest('.pf-v5-c-form__group').outerHTML"));
        }
        screenshot("06b-account-console-verified");
        browser.open(APP_URL);
        waitForHeading("the demo application, still signed in", "Signed in");

        // 7. Sign out through Keycloak and Login.gov.
        driver().findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        waitForHeading("the simulator's logout confirmation", "Do you want to sign out?");
        screenshot("07-simulator-sign-out");
        driver().findElement(By.xpath("//button[normalize-space()='Yes, sign out']"))
                .click();
        waitForHeading("the demo application after sign-out", "Not signed in");
        assertTrue(driver().getCurrentUrl().startsWith(APP_URL), "back at the application");
        screenshot("07-app-signed-out");
    }

    @Test
    void a_person_suspended_at_login_gov_is_signed_out_of_the_demo() {
        try {
            suspensionLoop();
        } catch (AssertionError | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * Issue 13's demo loop as a person sees it: signed in to the demo application, the persona is
     * suspended on the simulator's security-events page (as Login.gov staff would), and the
     * application's next page shows the person signed out, because Keycloak, told by the pushed
     * event, disabled the user and ended the session.
     */
    private void suspensionLoop() {
        browser.open(APP_URL);
        waitForHeading("the demo application, signed out", "Not signed in");
        driver().findElement(By.id("sign-in")).click();
        waitFor(
                        "Keycloak's login page with the Login.gov button",
                        d -> d.findElements(By.id("social-" + BrokerRealm.ALIAS)).stream()
                                .filter(WebElement::isDisplayed)
                                .findFirst()
                                .orElse(null))
                .click();
        waitForHeading("the simulator's persona page", "Sign in to the agency app");
        signInAs(PERSONA);
        waitForHeading("the demo application, signed in", "Signed in");
        String userId = realm.resource().users().list().get(0).getId();
        assertTrue(realm.resource().users().get(userId).toRepresentation().isEnabled());

        // The simulator's page for the persona, opened as its root page links it.
        browser.open(simulator.issuer() + "simulator/security-events?persona=verified");
        waitForHeading("the simulator's security events page", "Security events for Jordan Verified");
        assertTrue(
                pageText().contains(realm.pushUrl(BrokerRealm.ALIAS)),
                "the page lists this realm's push URL:\n" + pageText());
        screenshot("08-simulator-security-events");
        driver().findElement(By.cssSelector("button.primary")).click();
        waitForHeading("the simulator's answer", "Security event sent");
        String sent = pageText();
        assertTrue(
                sent.contains(realm.pushUrl(BrokerRealm.ALIAS) + ": HTTP 202"),
                "Keycloak acknowledged the event:\n" + sent);
        screenshot("08-simulator-security-event-sent");

        browser.open(APP_URL);
        waitForHeading("the demo application after the suspension", "Not signed in");
        assertTrue(
                pageText().contains("Keycloak ended your session"),
                "the application says why the person is signed out:\n" + pageText());
        screenshot("08-app-signed-out-by-login-gov");
        assertTrue(!realm.resource().users().get(userId).toRepresentation().isEnabled(), "the user is disabled");
        assertTrue(realm.resource().users().get(userId).getUserSessions().isEmpty(), "no session is left");
    }

    /** Keycloak's account console, "Personal info", once the person's data has been filled in. */
    private void openAccountConsole() {
        browser.open(realm.realmUrl() + "/account");
        waitFor(
                "the account console's personal info with the person's email",
                d -> !fieldValue("email").isEmpty());
    }

    /** A field's value as the page holds it (the console sets the property, not the attribute). */
    private String fieldValue(String id) {
        Object value =
                js().executeScript("const e = document.getElementById(arguments[0]); return e ? e.value : '';", id);
        return value == null ? "" : value.toString();
    }

    private String style(String id, String property) {
        return String.valueOf(js().executeScript(
                        "return getComputedStyle(document.getElementById(arguments[0]))[arguments[1]];", id, property));
    }

    /** The background of the control's wrapper, where PatternFly draws a field's colour. */
    private String wrapperBackground(String id) {
        return String.valueOf(js().executeScript(
                        "return getComputedStyle(document.getElementById(arguments[0]).closest('.pf-v5-c-form-control'))"
                                + ".backgroundColor;",
                        id));
    }

    // The queries below read the page in one script each: React re-renders the account console and
    // the pages navigate while a wait polls, so a WebElement found a moment earlier may be stale.
    private boolean isShown(String fieldId) {
        return Boolean.TRUE.equals(js().executeScript(
                        "return [...document.querySelectorAll(\"label[for='\" + arguments[0] + \"']\")]"
                                + ".some(l => l.checkVisibility());",
                        fieldId));
    }

    @SuppressWarnings("unchecked")
    private List<String> shownLabels() {
        return ((List<Object>) js().executeScript("return [...document.querySelectorAll('form label')]"
                        + ".filter(l => l.checkVisibility()).map(l => l.innerText);"))
                .stream().map(label -> label.toString().replace("*", "").trim()).toList();
    }

    private void signInAs(String persona) {
        WebElement choice = driver().findElement(By.xpath("//button[normalize-space()='Sign in as " + persona + "']"));
        assertTrue(choice.isEnabled(), persona + " can sign in at this level");
        choice.click();
    }

    /** Tabs through the page until the button has the focus, as a keyboard user would. */
    private void focusWithKeyboard(WebElement button) {
        for (int i = 0; i < 40; i++) {
            new Actions(driver()).sendKeys(Keys.TAB).perform();
            if ((Boolean) js().executeScript("return document.activeElement === arguments[0]", button)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the Login.gov button");
    }

    /**
     * Narrows the window to a phone's width, checks that the page does not scroll sideways,
     * screenshots it, and widens the window again.
     */
    private void assertNoOverflowAtPhoneWidth(String step) {
        Dimension desktop = driver().manage().window().getSize();
        driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
        try {
            waitFor(PHONE_WIDTH + " px wide window", d -> viewportWidth() <= PHONE_WIDTH);
            long scrollWidth = number("return document.documentElement.scrollWidth");
            long clientWidth = number("return document.documentElement.clientWidth");
            log(step + " at " + PHONE_WIDTH + " px: innerWidth " + viewportWidth() + ", scrollWidth " + scrollWidth
                    + ", clientWidth " + clientWidth);
            screenshot(step + "-360px");
            assertTrue(
                    scrollWidth <= clientWidth,
                    step + " overflows at " + PHONE_WIDTH + " px: scrollWidth " + scrollWidth + " > clientWidth "
                            + clientWidth);
        } finally {
            driver().manage().window().setSize(desktop);
        }
    }

    private long viewportWidth() {
        return number("return window.innerWidth");
    }

    /** The primary variant's custom properties, parsed from the shipped logingov.css. */
    private static Map<String, String> primaryVariant() {
        Path css = Path.of(System.getProperty(
                "logingov.themeCss", "../themes/src/main/resources/theme/logingov/login/resources/css/logingov.css"));
        String text;
        try {
            text = Files.readString(css, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher block =
                Pattern.compile("\\.logingov-button--primary\\s*\\{([^}]*)}").matcher(text);
        assertTrue(block.find(), "logingov.css has a .logingov-button--primary rule");
        Map<String, String> properties = new java.util.HashMap<>();
        Matcher declaration =
                Pattern.compile("(--logingov-[a-z-]+)\\s*:\\s*([^;]+);").matcher(block.group(1));
        while (declaration.find()) {
            properties.put(declaration.group(1), declaration.group(2).trim());
        }
        return properties;
    }

    /** {@code #112e51} as a computed style gives it: {@code rgb(17, 46, 81)}. */
    static String rgb(String hex) {
        assertTrue(hex != null && hex.matches("#[0-9a-fA-F]{6}"), "a six-digit colour, not " + hex);
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (value >> 16) + ", " + ((value >> 8) & 0xff) + ", " + (value & 0xff) + ")";
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> computedStyle(WebElement element, String... properties) {
        return (Map<String, String>) js().executeScript(
                        "const s = getComputedStyle(arguments[0]); const r = {};"
                                + " for (const p of arguments[1]) { r[p] = s.getPropertyValue(p); } return r;",
                        element,
                        List.of(properties));
    }

    private String claim(String name) {
        return driver().findElement(By.id("claim-" + name)).getText().trim();
    }

    private String claimOrNull(String name) {
        Object text = js().executeScript(
                        "const c = document.getElementById(arguments[0]); return c ? c.innerText : null;",
                        "claim-" + name);
        return text == null ? null : text.toString().trim();
    }

    private String heading() {
        Object text = js().executeScript("const h = document.querySelector('h1'); return h ? h.innerText : null;");
        // The simulator's headings carry the client_id in small text on a line of its own.
        return text == null ? null : text.toString().trim().split("\n")[0].trim();
    }

    private String pageText() {
        return String.valueOf(js().executeScript("return document.body.innerText;"));
    }

    private void waitForHeading(String what, String heading) {
        waitFor(what + " (heading \"" + heading + "\")", d -> heading.equals(heading()));
    }

    private <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver(), Duration.ofSeconds(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "Waited 20 s for " + what + "; the browser shows the heading \"" + heading() + "\"", e);
        }
    }

    /** The failure with where the browser was, and a screenshot of what it showed. */
    private AssertionError failure(Throwable cause) {
        String url;
        String shot;
        try {
            url = driver().getCurrentUrl();
            shot = screenshot("failure").toString();
        } catch (RuntimeException e) {
            url = "(unknown: " + e + ")";
            shot = "(none)";
        }
        return new AssertionError(cause.getMessage() + "\n  at URL " + url + "\n  screenshot " + shot, cause);
    }

    private Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.copy(
                    ((TakesScreenshot) driver())
                            .getScreenshotAs(OutputType.FILE)
                            .toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private long number(String script) {
        return ((Number) js().executeScript(script)).longValue();
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private static void log(String line) {
        System.out.println("[DemoWalkthroughTest] " + line);
    }
}
