package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.LoginGovScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Production's checks of an authorization request. An unknown client or redirect URI can only
 * be shown an error page (there is nowhere safe to redirect to); every other error goes back to
 * the redirect URI as {@code invalid_request}, with all messages joined as production does.
 */
final class AuthorizationValidator {
    static final String BAD_CLIENT_ID = "Bad client_id";
    static final String REDIRECT_URI_NO_MATCH = "redirect_uri does not match registered redirect_uri";
    static final String NOT_AUTHORIZED = "The acr_values are not authorized";
    static final String NO_VALID_SCOPE = "No valid scope values found";
    static final String PROMPT_INVALID = "No valid prompt values found";

    sealed interface Result permits ErrorPage, InvalidRequest, Valid {}

    record ErrorPage(String message) implements Result {}

    record InvalidRequest(String redirectUri, String state, String description) implements Result {}

    record Valid(AuthorizationRequest request) implements Result {}

    private AuthorizationValidator() {}

    static Result validate(
            String recordId,
            Map<String, String> parameters,
            Function<String, Optional<ServiceProvider>> serviceProviders) {
        Optional<ServiceProvider> found = serviceProviders.apply(parameters.get("client_id"));
        if (found.isEmpty()) {
            return new ErrorPage(BAD_CLIENT_ID);
        }
        ServiceProvider client = found.get();
        String redirectUri = parameters.get("redirect_uri");
        if (redirectUri == null || !client.acceptsRedirectUri(redirectUri)) {
            return new ErrorPage(REDIRECT_URI_NO_MATCH);
        }
        List<String> errors = new ArrayList<>();
        if (!LoginGovProtocol.RESPONSE_TYPE_CODE.equals(parameters.get("response_type"))) {
            errors.add("Response type is not included in the list");
        }
        String state = parameters.get("state");
        String nonce = parameters.get("nonce");
        checkRandomValue("State", state, LoginGovProtocol.MIN_STATE_LENGTH, errors);
        checkRandomValue("Nonce", nonce, LoginGovProtocol.MIN_NONCE_LENGTH, errors);
        // An absent prompt means select_account; an empty one is refused, as in production.
        String prompt = parameters.getOrDefault("prompt", LoginGovProtocol.PROMPT_SELECT_ACCOUNT);
        boolean freshAuthentication = LoginGovProtocol.PROMPT_LOGIN.equals(prompt);
        if (!LoginGovProtocol.PROMPT_SELECT_ACCOUNT.equals(prompt)
                && !(freshAuthentication && client.reauthenticationAllowed())) {
            errors.add(PROMPT_INVALID);
        }
        AcrValues acrValues = null;
        try {
            acrValues = AcrValues.parseHighestAal(parameters.get("acr_values"));
            if (!authorizes(client, acrValues.ial())) {
                errors.add(NOT_AUTHORIZED);
            }
        } catch (AcrValues.InvalidAcrValuesException e) {
            errors.add(e.getMessage());
        }
        // Without a valid level, scopes are judged as for auth-only, as production does.
        Set<LoginGovScope> scopes = grantedScopes(
                parameters.get("scope"), acrValues == null ? IdentityAssurance.AUTH_ONLY : acrValues.ial());
        if (scopes.isEmpty()) {
            errors.add(NO_VALID_SCOPE);
        }
        String codeChallenge = emptyToNull(parameters.get("code_challenge"));
        if (client.authentication() == ClientAuthentication.PKCE && codeChallenge == null) {
            errors.add("Code challenge can't be blank");
        }
        if (codeChallenge != null
                && !LoginGovProtocol.PKCE_METHOD_S256.equals(parameters.get("code_challenge_method"))) {
            errors.add("Code challenge method is not included in the list");
        }
        if (!errors.isEmpty()) {
            return new InvalidRequest(redirectUri, state, String.join(" ", errors));
        }
        return new Valid(new AuthorizationRequest(
                recordId, client, redirectUri, state, nonce, acrValues, scopes, codeChallenge, freshAuthentication));
    }

    /**
     * A verified level needs a service provider registered for identity verification; IALMAX also
     * needs the agency on the allow list.
     */
    static boolean authorizes(ServiceProvider client, IdentityAssurance level) {
        return client.registration().permits(level) && (level != IdentityAssurance.IALMAX || client.ialmaxAllowed());
    }

    /**
     * Unknown scopes are dropped silently, and so are scopes that release nothing at the level
     * (the verified-only ones in an auth-only request). {@code openid} releases no claim and stays.
     */
    static Set<LoginGovScope> grantedScopes(String scopeParameter, IdentityAssurance level) {
        Set<LoginGovScope> granted = new LinkedHashSet<>();
        for (LoginGovScope scope : LoginGovScope.parse(scopeParameter)) {
            if (scope.claims().isEmpty() || scope.claims().stream().anyMatch(claim -> scope.releases(claim, level))) {
                granted.add(scope);
            }
        }
        return granted;
    }

    private static void checkRandomValue(String name, String value, int minimumLength, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(name + " can't be blank");
        } else if (value.length() < minimumLength) {
            errors.add(name + " is too short (minimum is " + minimumLength + " characters)");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
