package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's admin console in a headless Chromium, as the master realm's admin uses it with the
 * extension's admin theme (the install steps have the admin choose it): opening a page of a realm,
 * signing in when asked, waiting for what the console renders, screenshots into {@code
 * logingov.screenshots} (default {@code target/screenshots}).
 */
public final class AdminConsole {

    public static final String ADMIN_THEME = "logingov";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String keycloakUrl;
    private final Path screenshots;

    public AdminConsole(WebDriver driver, Keycloak admin, String keycloakUrl) {
        this.driver = driver;
        this.keycloakUrl = keycloakUrl;
        RealmRepresentation master = admin.realm("master").toRepresentation();
        if (!ADMIN_THEME.equals(master.getAdminTheme())) {
            master.setAdminTheme(ADMIN_THEME);
            admin.realm("master").update(master);
        }
        screenshots = Path.of(System.getProperty("logingov.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(new Dimension(1280, 1600));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** Opens {@code #/{realm}/{route}}, signing in as the master realm's admin if the console asks. */
    public void open(String realm, String route) {
        driver.navigate().to(keycloakUrl + "/admin/master/console/#/" + realm + "/" + route);
        // A new hash on an already open console only re-routes: reload so that each test starts clean.
        driver.navigate().refresh();
        // The sign-in page is told by its button: the console's user page has a field "username" too.
        waitFor(
                "the console or its sign-in page",
                d -> !d.findElements(By.id("kc-login")).isEmpty()
                        || !d.findElements(By.cssSelector("#app nav, #app header"))
                                .isEmpty());
        if (!driver.findElements(By.id("kc-login")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys("admin");
            driver.findElement(By.id("kc-login")).click();
        }
    }

    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            // The console re-renders while a wait polls: an element found a moment earlier may be stale.
            return new WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (RuntimeException e) {
            screenshot("failure");
            throw new AssertionError(
                    "waited " + WAIT.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl(), e);
        }
    }

    public void screenshot(String name) {
        try {
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
