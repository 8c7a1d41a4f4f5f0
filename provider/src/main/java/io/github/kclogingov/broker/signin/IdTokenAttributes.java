package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.PromisedClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(IdTokenAttributes.class);

    private IdTokenAttributes() {}

    /**
     * The userinfo view of the id_token when it carries every promised claim; empty when userinfo
     * must be asked ({@link #reasonToCallUserinfo}).
     *
     * @param idToken the validated id_token
     * @param scopesSent the scope parameter this sign-in sent to Login.gov
     */
    public static Optional<ObjectNode> complete(JsonWebToken idToken, String scopesSent) {
        ObjectNode view = userinfoView(idToken);
        Optional<String> reason = reasonToCallUserinfo(idToken, view, scopesSent);
        reason.ifPresent(
                why -> LOG.debugf("Login.gov's userinfo is called: the id_token cannot stand for it, %s", why));
        return reason.isEmpty() ? Optional.of(view) : Optional.empty();
    }

    /**
     * Why the id_token cannot stand for userinfo, in words for the log (claim names, never a value):
     * <ul>
     *   <li>its {@code acr} names no level Login.gov asserts: the assurance check refuses what it
     *       must after userinfo;</li>
     *   <li>its {@code exp} is not after its {@code iat}: Login.gov issued it for a session that had
     *       already ended, whose verified attributes it sends as nulls; userinfo is asked, as it
     *       would have been, and answers for that session as it does (it refuses the access token);</li>
     *   <li>a promised claim is absent: a provider that does not copy userinfo into the id_token.</li>
     * </ul>
     */
    public static Optional<String> reasonToCallUserinfo(JsonWebToken idToken, String scopesSent) {
        return reasonToCallUserinfo(idToken, userinfoView(idToken), scopesSent);
    }

    private static Optional<String> reasonToCallUserinfo(JsonWebToken idToken, ObjectNode view, String scopesSent) {
        Optional<IdentityAssurance> asserted = idToken.getOtherClaims().get(LoginGovClaims.ACR) instanceof String acr
                ? IdentityAssurance.fromValue(acr)
                : Optional.empty();
        if (asserted.isEmpty()) {
            return Optional.of("its acr names no Login.gov level");
        }
        if (idToken.getExp() != null && idToken.getIat() != null && idToken.getExp() <= idToken.getIat()) {
            return Optional.of("Login.gov's session had ended when it was issued (exp not after iat)");
        }
        List<String> missing = new ArrayList<>();
        for (String claim : PromisedClaims.of(scopesSent, asserted.get())) {
            if (!view.has(claim)) {
                missing.add(claim);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("it lacks " + String.join(", ", missing));
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
