package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
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
     * Calls userinfo with the access token and fills {@code identity} from the checked answer.
     *
     * @throws LoginGovLoginException naming what was wrong with the answer
     */
    public static void fetchInto(
            KeycloakSession session, String userinfoUrl, String accessToken, BrokeredIdentityContext identity) {
        JsonNode userinfo = fetch(session, userinfoUrl, accessToken);
        UserinfoChecks.check(userinfo, identity.getId());
        if (LOG.isDebugEnabled()) {
            // Claim names only, which say what Login.gov released; never a value.
            List<String> names = new ArrayList<>();
            userinfo.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            LOG.debugf("Login.gov userinfo accepted, claims released: %s", names);
        }
        fill(identity, userinfo);
    }

    private static JsonNode fetch(KeycloakSession session, String userinfoUrl, String accessToken) {
        try (SimpleHttpResponse response = SimpleHttp.create(session)
                .doGet(userinfoUrl)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", MediaType.APPLICATION_JSON)
                .asResponse()) {
            if (response.getStatus() != 200) {
                throw new LoginGovLoginException("Login.gov's userinfo endpoint answered HTTP " + response.getStatus());
            }
            if (!isJson(response.getFirstHeader("Content-Type"))) {
                throw new LoginGovLoginException("Login.gov's userinfo answer is not JSON");
            }
            String body = response.asString();
            if (body == null || body.length() > MAX_ANSWER_LENGTH) {
                throw new LoginGovLoginException(
                        "Login.gov's userinfo answer is empty or longer than " + MAX_ANSWER_LENGTH + " characters");
            }
            return BoundedJson.object(body.getBytes(StandardCharsets.UTF_8))
                    .orElseThrow(() -> new LoginGovLoginException(
                            "Login.gov's userinfo answer is not a JSON object or exceeds limits"));
        } catch (IOException e) {
            throw new LoginGovLoginException("Login.gov's userinfo endpoint could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** As Keycloak's OpenID Connect broker fills it from userinfo; Login.gov has no preferred_username. */
    private static void fill(BrokeredIdentityContext identity, JsonNode userinfo) {
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
        return value == null || value.isNull() ? null : value.asText();
    }
}
