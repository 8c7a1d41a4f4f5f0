package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agency's application signing a person in through Keycloak and Login.gov, hop by hop:
 * the application's authorization request, Keycloak's login page, the "Login.gov" button, the
 * simulator, and back.
 */
public final class SignInFlow {

    public final HttpBrowser browser;
    private final BrokerRealm realm;

    public SignInFlow(BrokerRealm realm) {
        this(realm, new HttpBrowser());
    }

    public SignInFlow(BrokerRealm realm, HttpBrowser browser) {
        this.realm = realm;
        this.browser = browser;
    }

    /** The application's authorization request; answers Keycloak's login page. */
    public HttpBrowser.Page openLoginPage(Map<String, String> extraParameters) {
        HttpBrowser.Page page = authorize(extraParameters);
        if (page.status() != 200) {
            throw new AssertionError(
                    "Expected Keycloak's login page, got HTTP " + page.status() + " " + page.location());
        }
        return page;
    }

    /**
     * The application's authorization request, answering whatever Keycloak answers: its login page,
     * or a redirect when the browser's session settles it (single sign-on, or a step-up to Login.gov).
     */
    public HttpBrowser.Page authorize(Map<String, String> extraParameters) {
        return browser.get(authorizationUrl(realm, extraParameters));
    }

    /** The application's authorization request URL at Keycloak, with extra parameters (acr_values, claims, prompt...). */
    public static String authorizationUrl(BrokerRealm realm, Map<String, String> extraParameters) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", BrokerRealm.APP_CLIENT_ID);
        parameters.put("redirect_uri", BrokerRealm.APP_REDIRECT_URI);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid");
        parameters.put("state", "app-state-0123456789");
        parameters.put("nonce", "app-nonce-0123456789");
        parameters.putAll(extraParameters);
        return realm.realmUrl() + "/protocol/openid-connect/auth?" + HttpBrowser.form(parameters);
    }

    /** Presses the Login.gov button on Keycloak's login page. */
    public HttpBrowser.Page pressLoginGov(HttpBrowser.Page loginPage) {
        return browser.get(loginPage.hrefOf("social-" + BrokerRealm.ALIAS));
    }

    /**
     * A sign-in without Login.gov: a local account's username and password on Keycloak's login
     * page, through to the application; answers the claims of the id_token Keycloak issued.
     */
    public JsonNode signInWithPassword(String username, String password) {
        HttpBrowser.Page form = openLoginPage(Map.of());
        HttpBrowser.Page submitted =
                browser.post(form.formAction(), Map.of("username", username, "password", password));
        return claimsAtApplication(continueToApplication(submitted));
    }

    /** Follows the redirects from the button to the application, or to the page where they stop. */
    public HttpBrowser.Page continueToApplication(HttpBrowser.Page page) {
        return browser.followUntil(page, SignInFlow::isApplication);
    }

    /**
     * Follows a sign-out from {@code page} to the application, pressing "Yes, sign out" when
     * Login.gov asks (it asks every signed-in person); answers the last hop.
     */
    public HttpBrowser.Page signOutToApplication(HttpBrowser.Page page) {
        HttpBrowser.Page reached = continueToApplication(page);
        return LoginGovLogout.isConfirmation(reached)
                ? continueToApplication(LoginGovLogout.confirm(browser, reached))
                : reached;
    }

    /**
     * The application's RP-initiated logout at Keycloak, as the browser sends it (with the
     * id_token Keycloak issued, the application's redirect URI and a state); answers Keycloak's
     * first answer, for {@link #continueToApplication} or {@link #signOutToApplication}.
     */
    public HttpBrowser.Page openApplicationLogout(String idToken) {
        return browser.get(realm.realmUrl() + "/protocol/openid-connect/logout?"
                + HttpBrowser.form(Map.of(
                        "id_token_hint",
                        idToken,
                        "post_logout_redirect_uri",
                        BrokerRealm.APP_REDIRECT_URI,
                        "state",
                        "app-logout-state")));
    }

    /** The whole sign-in; answers the last hop (a redirect to the application when it worked). */
    public HttpBrowser.Page signIn(Map<String, String> extraParameters) {
        return continueToApplication(pressLoginGov(openLoginPage(extraParameters)));
    }

    /** The whole sign-in, which must reach the application; answers the claims of the id_token Keycloak issued. */
    public JsonNode signInClaims(Map<String, String> extraParameters) {
        return claimsAtApplication(signIn(extraParameters));
    }

    /**
     * The claims of the id_token Keycloak issued for the code in {@code end}, which must be the
     * redirect to the application (after a sign-in, a step-up or single sign-on).
     */
    public JsonNode claimsAtApplication(HttpBrowser.Page end) {
        assertTrue(
                end.isRedirect() && isApplication(end.location()),
                () -> "sign-in did not reach the app: " + end + (end.body() == null ? "" : "\n" + end.body()));
        return exchangeCodeClaims(end.locationQuery().get("code"));
    }

    public static boolean isApplication(URI uri) {
        return uri.toString().startsWith(BrokerRealm.APP_REDIRECT_URI);
    }

    /** The application exchanging its code at Keycloak's token endpoint. */
    public JsonNode exchangeCode(String code) {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (BrokerRealm.APP_CLIENT_ID + ":" + BrokerRealm.APP_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(HttpBrowser.form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        BrokerRealm.APP_REDIRECT_URI))))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        "Token exchange failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application's refresh-token grant; answers Keycloak's HTTP status (200 while the session holds). */
    public int refresh(String refreshToken) {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (BrokerRealm.APP_CLIENT_ID + ":" + BrokerRealm.APP_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(
                        HttpBrowser.form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))))
                .build();
        try {
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exchanges the code and answers the claims of the id_token Keycloak issued. */
    public JsonNode exchangeCodeClaims(String code) {
        return claims(exchangeCode(code).get("id_token").asText());
    }

    /** The user's own view through Keycloak's account REST API, with an access token the application got. */
    public JsonNode accountApi(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(realm.realmUrl() + "/account/?userProfileMetadata=true"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT, read without verification (the tests check signatures separately). */
    public static JsonNode claims(String jwt) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
