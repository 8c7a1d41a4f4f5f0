package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.LoginGovScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenID Provider metadata, shaped like production's: no
 * {@code code_challenge_methods_supported}, no {@code authorization_response_iss_parameter_supported},
 * and {@code ial}/{@code aal} not listed among the claims although they are returned.
 */
final class DiscoveryDocument {

    private DiscoveryDocument() {}

    static Map<String, Object> of(LoginGovEndpoints endpoints) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", endpoints.issuer());
        document.put("authorization_endpoint", endpoints.authorization());
        document.put("token_endpoint", endpoints.token());
        document.put("userinfo_endpoint", endpoints.userinfo());
        document.put("jwks_uri", endpoints.jwks());
        document.put("end_session_endpoint", endpoints.logout());
        document.put("response_types_supported", List.of(LoginGovProtocol.RESPONSE_TYPE_CODE));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("acr_values_supported", acrValues());
        document.put("scopes_supported", scopes());
        document.put("claims_supported", claims());
        document.put("subject_types_supported", List.of("pairwise"));
        document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        document.put("token_endpoint_auth_signing_alg_values_supported", List.of(LoginGovProtocol.SIGNING_ALGORITHM));
        document.put("id_token_signing_alg_values_supported", List.of(LoginGovProtocol.SIGNING_ALGORITHM));
        return document;
    }

    /** Every IAL value in both forms, then every AAL value. */
    private static List<String> acrValues() {
        Set<String> values = new LinkedHashSet<>();
        for (IdentityAssurance level : IdentityAssurance.values()) {
            level.semanticValue().ifPresent(values::add);
            values.add(level.legacyValue());
        }
        for (AuthenticationAssurance level : AuthenticationAssurance.values()) {
            values.add(level.value());
        }
        return new ArrayList<>(values);
    }

    private static List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        for (LoginGovScope scope : LoginGovScope.values()) {
            scopes.add(scope.value());
        }
        return scopes;
    }

    private static List<String> claims() {
        Set<String> claims = new LinkedHashSet<>(List.of(LoginGovClaims.ISS, LoginGovClaims.SUB));
        for (LoginGovScope scope : LoginGovScope.values()) {
            claims.addAll(scope.claims());
        }
        return new ArrayList<>(claims);
    }
}
