package io.github.kclogingov.broker.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.List;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.representations.JsonWebToken;

/**
 * Whether Login.gov withheld the verified attributes of a sign-in. identity-idp reads them from the
 * person's Login.gov session ({@code OpenidConnectUserInfoPresenter}); once that session has
 * expired it still writes their claims, the scopes having been granted, but every one of them
 * null. Such an answer says nothing about the person, so nothing is refreshed from it.
 */
public final class VerifiedClaims {

    /** The claims read from the Login.gov session that every verified person has (a phone is optional). */
    static final List<String> FROM_THE_LOGIN_GOV_SESSION = List.of(
            LoginGovClaims.GIVEN_NAME,
            LoginGovClaims.FAMILY_NAME,
            LoginGovClaims.BIRTHDATE,
            LoginGovClaims.ADDRESS,
            LoginGovClaims.SOCIAL_SECURITY_NUMBER);

    private VerifiedClaims() {}

    /**
     * True when the answer names at least one of these claims and holds a value for none: Login.gov
     * released the verified scopes but had nothing to say. False when any has a value, or when none
     * was asked for.
     */
    public static boolean withheld(BrokeredIdentityContext context) {
        boolean named = false;
        for (String claim : FROM_THE_LOGIN_GOV_SESSION) {
            if (QuietClaims.get(context, claim) != null) {
                return false;
            }
            named |= isNamed(context, claim);
        }
        return named;
    }

    private static boolean isNamed(BrokeredIdentityContext context, String claim) {
        boolean inIdToken =
                context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN) instanceof JsonWebToken idToken
                        && idToken.getOtherClaims() != null
                        && idToken.getOtherClaims().containsKey(claim);
        return inIdToken
                || context.getContextData().get(OIDCIdentityProvider.USER_INFO) instanceof JsonNode userInfo
                        && userInfo.has(claim);
    }
}
