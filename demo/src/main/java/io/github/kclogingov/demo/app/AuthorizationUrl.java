package io.github.kclogingov.demo.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** The authorization code request (with PKCE S256, state and nonce) a sign-in or step-up sends to Keycloak. */
final class AuthorizationUrl {
    private AuthorizationUrl() {}

    /**
     * No {@code prompt=login}: the realm cannot pass it on to Login.gov, so "sign in again" is
     * simply a new request, and a level name the session lacks is what sends the person back.
     */
    static String of(AppSettings settings, PendingSignIn signIn) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", settings.clientId());
        parameters.put("response_type", "code");
        parameters.put("scope", "openid profile email");
        parameters.put("redirect_uri", settings.redirectUri());
        parameters.put("state", signIn.state());
        parameters.put("nonce", signIn.nonce());
        parameters.put("code_challenge", signIn.codeChallenge());
        parameters.put("code_challenge_method", "S256");
        parameters.put("acr_values", signIn.acrValues());
        return settings.authorizationEndpoint() + "?" + QueryString.format(parameters);
    }
}
