package io.github.kclogingov.broker.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.mappers.StoredUser;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * The refresh after reproof-completed waits for an answer that holds the verified attributes. Only
 * the waiting is tested here (it needs no Keycloak); the refresh itself runs against a real Keycloak
 * in {@code SecurityEventsTest}.
 */
class ReproofRefreshTest {

    static final String ALIAS = "logingov";
    static final String VERIFIED = "urn:acr.login.gov:verified";
    static final String DEFAULT_AAL = "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo";

    /** A verified sign-in whose Login.gov session had expired: the verified claims are there, all null. */
    static BrokeredIdentityContext verifiedSignInWithExpiredLoginGovSession() throws IOException {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias(ALIAS);
        provider.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca", provider);
        Map<String, Object> claims = new HashMap<>();
        for (String claim : List.of("given_name", "family_name", "birthdate", "address", "social_security_number")) {
            claims.put(claim, null);
        }
        claims.put("acr", VERIFIED);
        claims.put("ial", VERIFIED);
        JsonWebToken idToken = new JsonWebToken();
        claims.forEach(idToken::setOtherClaims);
        context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken);
        context.getContextData()
                .put(
                        OIDCIdentityProvider.USER_INFO,
                        JsonSerialization.readValue(JsonSerialization.writeValueAsString(claims), JsonNode.class));
        AssuranceNotes.carry(
                context, AssertedLevel.restore(VERIFIED, DEFAULT_AAL).orElseThrow(), 1_767_225_600L);
        return context;
    }

    @Test
    void the_mark_stays_when_login_gov_withheld_the_verified_attributes() throws IOException {
        StoredUser user = StoredUser.with(ReproofMark.ATTRIBUTE, ALIAS, "birthdate", "1970-01-02");
        // No Keycloak session: waiting must touch neither the mappers nor the user.
        ReproofRefresh.apply(null, null, user.model(), verifiedSignInWithExpiredLoginGovSession(), ALIAS);
        assertTrue(ReproofMark.isSet(user.model(), ALIAS), "the refresh is still pending");
        assertEquals(List.of("1970-01-02"), user.attribute("birthdate"));
        assertEquals(0, user.writes);
    }
}
