package io.github.kclogingov.protocol;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The claims Login.gov's answer must hold for a request, and how its id_token relates to its
 * userinfo. identity-idp builds the id_token from the userinfo payload of the granted scopes, then
 * adds the token's own claims ({@code IdTokenBuilder}): so an id_token that holds every claim the
 * request was promised says all that userinfo would say, and the userinfo view of an id_token is
 * its payload without the token's own claims.
 */
public final class PromisedClaims {

    /** In every userinfo answer, whatever the scopes. */
    public static final Set<String> ALWAYS =
            Set.of(LoginGovClaims.SUB, LoginGovClaims.ISS, LoginGovClaims.IAL, LoginGovClaims.AAL);

    /**
     * The claims identity-idp adds to the userinfo payload to make the id_token; none of them is
     * in a userinfo answer ({@code iss} is in both, with the same value).
     */
    public static final Set<String> ID_TOKEN_ONLY =
            Set.of("aud", LoginGovClaims.ACR, LoginGovClaims.NONCE, "jti", "at_hash", "c_hash", "exp", "iat", "nbf");

    private PromisedClaims() {}

    /**
     * What an answer to this request must carry: {@link #ALWAYS}, then each claim that a scope sent
     * releases at the asserted level. A claim may still be null (an expired Login.gov session, a
     * person without a phone): present is what is promised, not a value.
     *
     * @param scopesSent the scope parameter as sent to Login.gov
     * @param asserted the level Login.gov asserted; for IALMAX, auth-only when the person is not proofed
     */
    public static Set<String> of(String scopesSent, IdentityAssurance asserted) {
        Set<String> claims = new LinkedHashSet<>(ALWAYS);
        for (LoginGovScope scope : LoginGovScope.parse(scopesSent)) {
            for (String claim : scope.claims()) {
                if (scope.releases(claim, asserted)) {
                    claims.add(claim);
                }
            }
        }
        return Collections.unmodifiableSet(claims);
    }
}
