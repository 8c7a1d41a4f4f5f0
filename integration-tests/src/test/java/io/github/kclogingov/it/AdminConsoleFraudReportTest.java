package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.AdminConsole;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.FraudReportApi;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.Users;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.Outage;
import io.github.kclogingov.simulator.Outages;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An administrator reports fraud to Login.gov from a user's Details page in the admin console (the
 * admin theme's "Login.gov fraud report" panel), in a real headless Chromium, the way a person
 * would: the panel is on a Login.gov-linked user's page only, a report needs a confirmation, and
 * the report's delivery state follows Login.gov's (the simulator's) answer. Screenshots go to
 * {@code target/screenshots/fraud-console-*.png}.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
@EnabledIf("io.github.kclogingov.it.BrowserStepUpTest#chromiumIsInstalled")
class AdminConsoleFraudReportTest extends BrokerIntegrationTest {

    private static final String PANEL = "logingov-fraud-panel";

    @InjectWebDriver
    ManagedWebDriver browser;

    private AdminConsole console;

    /** The persona a report reset is the shared simulator's: as it was for the next class. */
    @AfterEach
    void personasAsAtTheStart() {
        simulator.resetPersonas();
    }

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("fraudconsole", Registration.VERIFIED);
        realm.reset("verified");
        simulator.outages().clear();
        IdentityProviderRepresentation provider = realm.identityProvider();
        if (!Boolean.TRUE.equals(provider.isEnabled())) {
            provider.setEnabled(true);
            realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(provider);
        }
        console = new AdminConsole(driver(), admin, urls.getBase());
    }

    @Test
    void an_admin_reports_fraud_from_a_linked_users_page_and_sees_it_delivered() {
        new SignInFlow(realm).signInClaims(Map.of());
        String userId = new Users(realm).onlyUser().getId();

        WebElement panel = openUserPage(userId);
        assertTrue(panel.getText().contains("No report yet."), "the collapsed panel's summary: " + panel.getText());
        console.screenshot("fraud-console-01-collapsed");
        driver().findElement(By.id(PANEL + "-toggle")).click();
        panel = console.waitFor(
                "the panel open",
                d -> d.findElements(By.cssSelector("#" + PANEL + ".pf-m-expanded")).stream()
                        .findFirst()
                        .orElse(null));
        assertTrue(panel.getText().contains("linked to Login.gov through " + BrokerRealm.ALIAS + "."), panel.getText());
        assertTrue(panel.getText().contains("No report about this user yet."), panel.getText());
        console.screenshot("fraud-console-01-panel");

        // Nothing chosen: refused under the choice, nothing asked or sent.
        reportButton().click();
        String problem = console.waitFor(
                "the missing choice refused",
                d -> d.findElements(By.cssSelector("#" + PANEL + " .pf-v5-c-helper-text__item.pf-m-error")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse(null));
        assertEquals("Choose what happened.", problem);
        assertTrue(driver().findElements(By.id("logingov-fraud-confirm")).isEmpty(), "no confirmation yet");

        driver().findElement(By.id("logingov-fraud-authorization-fraud-detected"))
                .click();
        reportButton().click();
        WebElement confirmation = console.waitFor(
                "the confirmation",
                d -> d.findElements(By.id("logingov-fraud-confirm")).stream()
                        .findFirst()
                        .orElse(null));
        String asked = confirmation.getText();
        assertTrue(asked.contains("This cannot be undone"), asked);
        assertTrue(asked.contains("resets the account's password"), asked);
        console.screenshot("fraud-console-02-confirmation");
        driver().findElement(By.id("logingov-fraud-confirm-yes")).click();

        WebElement row = reportRow("DELIVERED");
        assertTrue(row.getText().contains("Login.gov accepted it"), row.getText());
        assertTrue(row.getText().contains("authorization-fraud-detected"), row.getText());
        assertTrue(row.getText().contains("You"), "the report names its admin: " + row.getText());
        assertTrue(
                driver().findElement(By.id("logingov-fraud-sent")).getText().contains("Login.gov accepted the report"));
        scrollTo(row);
        console.screenshot("fraud-console-03-delivered");
        assertTrue(
                simulator.passwordResetRequired("verified"), "Login.gov acted on it: a new password at the next visit");
    }

    @Test
    void a_report_during_an_outage_shows_retrying_and_send_now_delivers_it_after() {
        new SignInFlow(realm).signInClaims(Map.of());
        String userId = new Users(realm).onlyUser().getId();
        simulator.outages().set(Outages.Endpoint.PARTNER_EVENTS, Outage.HTTP_500);
        try {
            openUserPage(userId);
            reportThroughThePanel("authorization-fraud-detected");
            WebElement row = reportRow("RETRYING");
            assertTrue(row.getText().contains("next attempt at"), row.getText());
            String sent = driver().findElement(By.id("logingov-fraud-sent")).getText();
            assertTrue(sent.contains("still delivering"), sent);
            scrollTo(row);
            console.screenshot("fraud-console-05-retrying");
        } finally {
            simulator.outages().clear();
        }
        driver().findElement(By.cssSelector("#" + PANEL + " button[data-retry]"))
                .click();
        reportRow("DELIVERED");
        assertTrue(simulator.passwordResetRequired("verified"));
    }

    @Test
    void a_report_login_gov_refuses_shows_its_error_code_and_description() {
        // Linked by an admin to a subject Login.gov has never issued: Login.gov answers 400 setData.
        String userId = userLinkedByAnAdmin("pat");

        openUserPage(userId);
        reportThroughThePanel("identity-fraud-detected");

        WebElement row = reportRow("REFUSED");
        JsonNode refusal = new FraudReportApi(admin, urls.getBase(), realm.name())
                .ofUser(userId)
                .body()
                .path(0)
                .path("loginGovError");
        assertEquals("setData", refusal.path("err").asText(), refusal.toString());
        assertTrue(
                row.getText()
                        .contains("Login.gov refused it: setData: "
                                + refusal.path("description").asText()),
                row.getText());
        assertTrue(
                driver().findElement(By.id("logingov-fraud-sent")).getText().contains("setData"),
                "the refusal is also said where the admin pressed Report");
        scrollTo(row);
        console.screenshot("fraud-console-04-refused");
    }

    @Test
    void a_report_keycloak_refuses_shows_its_message_and_lists_nothing() {
        String userId = userLinkedByAnAdmin("sam");
        IdentityProviderRepresentation provider = realm.identityProvider();
        provider.setEnabled(false);
        realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(provider);
        try {
            openUserPage(userId);
            reportThroughThePanel("authorization-fraud-detected");
            String shown = console.waitFor(
                    "the refusal",
                    d -> d.findElements(By.id("logingov-fraud-problem")).stream()
                            .map(WebElement::getText)
                            .findFirst()
                            .orElse(null));
            String expected = new FraudReportApi(admin, urls.getBase(), realm.name())
                    .report(userId, "authorization-fraud-detected", "")
                    .body()
                    .path("errorMessage")
                    .asText();
            assertEquals("The report was not sent: " + expected, shown, "the API's own message, whole");
            assertTrue(expected.contains("is disabled"), expected);
            String panel = driver().findElement(By.id(PANEL)).getText();
            assertTrue(panel.contains("linked to Login.gov through logingov (disabled)."), panel);
            assertTrue(
                    driver().findElements(By.cssSelector("#" + PANEL + " tr[data-state]"))
                            .isEmpty(),
                    "nothing listed");
            console.screenshot("fraud-console-07-provider-disabled");
        } finally {
            provider.setEnabled(true);
            realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(provider);
        }
    }

    @Test
    void a_user_without_a_login_gov_link_has_no_panel() {
        String userId = new Users(realm).createLocalUser("lee", "lee@example.gov", "a-Password-1");
        console.open(realm.name(), "users/" + userId + "/settings");
        console.waitFor(
                "the theme to have read the user's links",
                d -> userId.equals(
                        ((JavascriptExecutor) d).executeScript("return document.body.dataset.logingovFraudChecked")));
        assertTrue(driver().findElements(By.id(PANEL)).isEmpty(), "no panel for a user without a Login.gov link");
        console.screenshot("fraud-console-06-no-link");
    }

    private WebElement openUserPage(String userId) {
        console.open(realm.name(), "users/" + userId + "/settings");
        WebElement panel = console.waitFor(
                "the fraud report panel",
                d -> d.findElements(By.id(PANEL)).stream().findFirst().orElse(null));
        scrollTo(panel);
        return panel;
    }

    /** A local user an admin linked to the Login.gov provider, with a subject Login.gov never issued. */
    private String userLinkedByAnAdmin(String username) {
        String userId = new Users(realm).createLocalUser(username, username + "@example.gov", "a-Password-1");
        FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
        link.setIdentityProvider(BrokerRealm.ALIAS);
        link.setUserId("no-such-pairwise-subject-" + username);
        link.setUserName(username + "@example.gov");
        try (Response created = realm.resource().users().get(userId).addFederatedIdentity(BrokerRealm.ALIAS, link)) {
            assertEquals(204, created.getStatus());
        }
        return userId;
    }

    /** Opens the panel, chooses {@code eventType} and confirms. */
    private void reportThroughThePanel(String eventType) {
        driver().findElement(By.id(PANEL + "-toggle")).click();
        console.waitFor(
                "the panel open",
                d -> !d.findElements(By.id("logingov-fraud-" + eventType)).isEmpty());
        driver().findElement(By.id("logingov-fraud-" + eventType)).click();
        reportButton().click();
        console.waitFor(
                "the confirmation",
                d -> !d.findElements(By.id("logingov-fraud-confirm-yes")).isEmpty());
        driver().findElement(By.id("logingov-fraud-confirm-yes")).click();
    }

    private WebElement reportButton() {
        return driver().findElement(By.id("logingov-fraud-report"));
    }

    /** The panel's newest report, once its state is {@code state}. */
    private WebElement reportRow(String state) {
        return console.waitFor(
                "a report " + state,
                d -> d.findElements(By.cssSelector("#" + PANEL + " tr[data-state='" + state + "']")).stream()
                        .findFirst()
                        .orElse(null));
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private WebDriver driver() {
        return browser.driver();
    }
}
