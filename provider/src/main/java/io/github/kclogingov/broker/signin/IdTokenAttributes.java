package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.PromisedClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * The attributes as Login.gov's verified id_token carries them. identity-idp writes the userinfo
 * payload of the granted scopes into the id_token, so when the token holds every claim the request
 * was promised ({@link PromisedClaims}), calling userinfo would only repeat what a signed, checked
 * token has said: the sign-in then makes one call to Login.gov instead of two. A claim that is
 * present but null counts as carried: userinfo answers the same null (an expired Login.gov session,
 * a person without a phone).
 */
public final class IdTokenAttributes {

    private IdTokenAttributes() {}

    /**
     * The userinfo view of the id_token when it carries every promised claim; empty when one is
     * missing, or when its {@code acr} names no level Login.gov asserts (userinfo is then called,
     * and the assurance check refuses what it must).
     *
     * @param idToken the validated id_token
     * @param scopesSent the scope parameter this sign-in sent to Login.gov
     */
    public static Optional<ObjectNode> complete(JsonWebToken idToken, String scopesSent) {
        return missing(idToken, scopesSent).isEmpty() ? Optional.of(userinfoView(idToken)) : Optional.empty();
    }

    /** The promised claims the id_token lacks, by name, in the order of {@link PromisedClaims#of}. */
    public static List<String> missing(JsonWebToken idToken, String scopesSent) {
        Optional<IdentityAssurance> asserted = idToken.getOtherClaims().get(LoginGovClaims.ACR) instanceof String acr
                ? IdentityAssurance.fromValue(acr)
                : Optional.empty();
        if (asserted.isEmpty()) {
            return List.of(LoginGovClaims.ACR);
        }
        ObjectNode view = userinfoView(idToken);
        List<String> missing = new ArrayList<>();
        for (String claim : PromisedClaims.of(scopesSent, asserted.get())) {
            if (!view.has(claim)) {
                missing.add(claim);
            }
        }
        return missing;
    }

    /**
     * What userinfo would answer: the id_token's payload without the token's own claims
     * ({@link PromisedClaims#ID_TOKEN_ONLY}).
     */
    static ObjectNode userinfoView(JsonWebToken idToken) {
        ObjectNode view = JsonSerialization.mapper.createObjectNode();
        if (idToken.getSubject() != null) {
            view.put(LoginGovClaims.SUB, idToken.getSubject());
        }
        if (idToken.getIssuer() != null) {
            view.put(LoginGovClaims.ISS, idToken.getIssuer());
        }
        idToken.getOtherClaims().forEach((name, value) -> {
            if (!PromisedClaims.ID_TOKEN_ONLY.contains(name)) {
                view.set(name, value == null ? NullNode.getInstance() : JsonSerialization.mapper.valueToTree(value));
            }
        });
        return view;
    }
}
