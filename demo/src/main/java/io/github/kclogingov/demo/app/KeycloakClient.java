package io.github.kclogingov.demo.app;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The application's back-channel calls to the realm: the token endpoint, userinfo and the realm's keys. */
final class KeycloakClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AppSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    KeycloakClient(AppSettings settings) {
        this.settings = settings;
    }

    /** The tokens (a public client: the PKCE verifier stands in for a secret). */
    Map<String, Object> redeem(String code, PendingSignIn signIn) throws SignInProblem {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri());
        form.put("client_id", settings.clientId());
        form.put("code_verifier", signIn.codeVerifier());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenEndpoint()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(QueryString.format(form)))
                .build();
        Map<String, Object> answer = json(send(request, "token endpoint"), "token endpoint");
        if (answer.containsKey("error")) {
            // OAuth's error fields only: the answer holds no token when it holds an error.
            throw new SignInProblem("Keycloak's token endpoint refused the code: " + answer.get("error")
                    + (answer.get("error_description") == null ? "" : " (" + answer.get("error_description") + ")"));
        }
        return answer;
    }

    /**
     * Asks Keycloak whether the sign-in still holds, with a refresh-token grant: Keycloak refuses it
     * once the session has ended (signed out elsewhere, or ended by Login.gov's security event) or
     * the user is disabled. Answers the new refresh token; empty when Keycloak refused.
     *
     * @throws SignInProblem when Keycloak could not be asked
     */
    Optional<String> stillSignedIn(String refreshToken) throws SignInProblem {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", settings.clientId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenEndpoint()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(QueryString.format(form)))
                .build();
        HttpResponse<String> response = send(request, "token endpoint");
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            return Optional.empty(); // invalid_grant: the session is over
        }
        Map<String, Object> answer = json(response, "token endpoint");
        return answer.get("refresh_token") instanceof String next ? Optional.of(next) : Optional.of(refreshToken);
    }

    Map<String, Object> userinfo(String accessToken) throws SignInProblem {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.userinfoEndpoint()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .build();
        return json(send(request, "userinfo endpoint"), "userinfo endpoint");
    }

    JWKSet realmKeys() throws SignInProblem {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.jwksEndpoint()))
                .timeout(TIMEOUT)
                .build();
        try {
            return JWKSet.parse(send(request, "keys endpoint").body());
        } catch (ParseException e) {
            throw new SignInProblem("Keycloak's keys endpoint did not answer a JSON key set.", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws SignInProblem {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInProblem("Keycloak's " + what + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInProblem("Stopped while waiting for Keycloak's " + what + ".", e);
        }
    }

    private static Map<String, Object> json(HttpResponse<String> response, String what) throws SignInProblem {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new SignInProblem(
                    "Keycloak's " + what + " answered HTTP " + response.statusCode() + " without a JSON object.", e);
        }
    }
}
