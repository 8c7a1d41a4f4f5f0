package io.github.kclogingov.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A valid authorization request by default; each test changes what it is about. */
final class AuthorizeParams {
    static final String AUTH_ONLY = "urn:acr.login.gov:auth-only";
    static final String VERIFIED = "urn:acr.login.gov:verified";

    private final Map<String, String> parameters = new LinkedHashMap<>();

    private AuthorizeParams(String clientId) {
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", TestClients.REDIRECT);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid email");
        parameters.put("acr_values", AUTH_ONLY);
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
    }

    static AuthorizeParams validFor(String clientId) {
        AuthorizeParams params = new AuthorizeParams(clientId);
        if (clientId.equals(TestClients.PUBLIC) || clientId.equals(TestClients.EXPLICIT_LOGOUT)) {
            params.pkce(Flows.VERIFIER);
        }
        return params;
    }

    AuthorizeParams with(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    AuthorizeParams without(String name) {
        parameters.remove(name);
        return this;
    }

    AuthorizeParams acr(String acrValues) {
        return with("acr_values", acrValues);
    }

    AuthorizeParams scope(String scope) {
        return with("scope", scope);
    }

    AuthorizeParams pkce(String verifier) {
        with("code_challenge", Flows.challengeOf(verifier));
        return with("code_challenge_method", "S256");
    }

    String get(String name) {
        return parameters.get(name);
    }

    String clientId() {
        return parameters.get("client_id");
    }

    String url(LoginGovSimulator simulator) {
        return simulator.endpoints().authorization() + "?" + Http.encode(parameters);
    }
}
