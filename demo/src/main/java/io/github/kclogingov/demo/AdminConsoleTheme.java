package io.github.kclogingov.demo;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

/**
 * Chooses the extension's {@code logingov} admin theme for the master realm of the demo's fresh
 * Keycloak, as the README's install section has an admin do once: the master admin's console then
 * shows a Login.gov provider's pages without a Client Secret field and with the certificate's
 * download link. Done through the admin REST API with the demo's admin account, after every start
 * (the demo's database is new each time).
 */
final class AdminConsoleTheme {
    static final String THEME = "logingov";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String keycloakUrl;

    AdminConsoleTheme(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** Sets the master realm's admin theme. */
    void chooseForMaster(String username, String password) throws DemoException {
        String token = adminToken(username, password);
        HttpRequest update = HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/master"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // Keycloak's realm update changes only the fields a representation holds.
                .PUT(HttpRequest.BodyPublishers.ofString("{\"adminTheme\":\"" + THEME + "\"}"))
                .build();
        int status = send(update).statusCode();
        if (status != 204) {
            throw new DemoException("Keycloak answered HTTP " + status + " to choosing the admin theme");
        }
    }

    private String adminToken(String username, String password) throws DemoException {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password="
                + encode(password);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> answer = send(request);
        try {
            if (answer.statusCode() == 200
                    && JSONObjectUtils.parse(answer.body()).get("access_token") instanceof String token) {
                return token;
            }
        } catch (ParseException e) {
            // Reported below like any other unusable answer.
        }
        throw new DemoException("Keycloak answered HTTP " + answer.statusCode()
                + " without an admin token to the demo's admin account");
    }

    private HttpResponse<String> send(HttpRequest request) throws DemoException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException("Keycloak did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Interrupted while choosing the admin theme", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
