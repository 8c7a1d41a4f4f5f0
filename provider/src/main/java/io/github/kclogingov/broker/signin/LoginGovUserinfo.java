package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.LoginGovScope;
import io.github.kclogingov.protocol.PromisedClaims;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;

/**
 * Login.gov's userinfo, fetched by the broker itself. Keycloak's own call writes the whole answer
 * (the SSN, the birth date, the address) to the DEBUG category
 * {@code org.keycloak.social.user_profile_dump} and parses whatever arrives up to 10 MB; here the
 * answer is never logged, must be JSON of at most {@link #MAX_ANSWER_LENGTH} characters, is parsed
 * with the id_token's bounds ({@link BoundedJson}) and checked ({@link UserinfoChecks}) before it
 * fills the identity the way Keycloak would.
 */
public final class LoginGovUserinfo {

    private static final Logger LOG = Logger.getLogger(LoginGovUserinfo.class);

    /** Login.gov's fullest answer (every attribute, a long address) is about 2 KB. */
    static final int MAX_ANSWER_LENGTH = 64 * 1024;

    private LoginGovUserinfo() {}

    /**
     * Calls userinfo with the access token, within {@code timeouts}, and fills {@code identity} from
     * the checked answer.
     *
     * @throws LoginGovUnavailableException when Login.gov cannot be reached or answers no JSON
     * @throws LoginGovLoginException naming what was wrong with the answer
     */
    public static void fetchInto(
            KeycloakSession session,
            String userinfoUrl,
            String accessToken,
            UpstreamTimeouts timeouts,
            BrokeredIdentityContext identity) {
        JsonNode userinfo = fetch(session, userinfoUrl, accessToken, timeouts);
        UserinfoChecks.check(userinfo, identity.getId());
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Login.gov userinfo accepted, claims released: %s", names(userinfo));
        }
        fill(identity, userinfo);
    }

    /**
     * Fills {@code identity} from the userinfo view of the id_token ({@link IdTokenAttributes}),
     * checked as a userinfo answer is, so that mappers, stored attributes and logs are the same
     * whichever carried the attributes.
     *
     * @throws LoginGovLoginException naming what was wrong with the claims
     */
    public static void acceptFromIdToken(BrokeredIdentityContext identity, JsonNode userinfoView) {
        UserinfoChecks.check(userinfoView, identity.getId());
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Login.gov attributes read from the id_token, claims released: %s", names(userinfoView));
        }
        fill(identity, userinfoView);
    }

    /**
     * What Login.gov released, for the log: the names of the claims Login.gov defines, and how many
     * others there were. Never a value, and never a name Login.gov does not define (a name is text
     * from the answer, and the log is no place for text nobody here chose).
     */
    static String names(JsonNode answer) {
        List<String> known = new ArrayList<>();
        int others = 0;
        for (String name : (Iterable<String>) answer::fieldNames) {
            if (KNOWN_CLAIMS.contains(name)) {
                known.add(name);
            } else {
                others++;
            }
        }
        Collections.sort(known);
        return known + (others == 0 ? "" : " and " + others + " other claim(s)");
    }

    /** Every claim Login.gov's userinfo may carry (and the id_token with it). */
    private static final Set<String> KNOWN_CLAIMS = knownClaims();

    private static Set<String> knownClaims() {
        Set<String> claims = new HashSet<>(PromisedClaims.ALWAYS);
        claims.add(LoginGovClaims.AUTH_TIME);
        for (LoginGovScope scope : LoginGovScope.values()) {
            claims.addAll(scope.claims());
        }
        return Set.copyOf(claims);
    }

    private static JsonNode fetch(
            KeycloakSession session, String userinfoUrl, String accessToken, UpstreamTimeouts timeouts) {
        String body =
                UpstreamHttp.getJson(session, userinfoUrl, accessToken, Endpoint.USERINFO, timeouts, MAX_ANSWER_LENGTH);
        return BoundedJson.object(body.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new LoginGovLoginException(
                        FailureCode.USERINFO_INVALID,
                        "Login.gov's userinfo answer is not a JSON object or exceeds limits"));
    }

    /**
     * As Keycloak's OpenID Connect broker fills it from userinfo; Login.gov has no preferred_username.
     * A name or an email that is null, blank or not a string is none: identity-idp sends the names
     * null once the person's Login.gov session has expired, and an empty email would erase the
     * user's in sync mode FORCE.
     */
    static void fill(BrokeredIdentityContext identity, JsonNode userinfo) {
        identity.getContextData().put(OIDCIdentityProvider.USER_INFO, userinfo);
        String givenName = text(userinfo, "given_name");
        String familyName = text(userinfo, "family_name");
        if (givenName != null) {
            identity.setFirstName(givenName);
        }
        if (familyName != null) {
            identity.setLastName(familyName);
        }
        String email = text(userinfo, "email");
        identity.setEmail(email);
        identity.setUsername(email != null ? email : identity.getId());
    }

    private static String text(JsonNode userinfo, String claim) {
        JsonNode value = userinfo.get(claim);
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }
}
