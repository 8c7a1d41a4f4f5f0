package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.LoginGovClaims;
import org.jboss.logging.Logger;
import org.keycloak.representations.JsonWebToken;

/**
 * What Login.gov asserted must meet what this sign-in asked for, before any user is created or
 * updated: the id_token's {@code acr} meets the requested IAL, its {@code aal} (or userinfo's)
 * echoes the requested AAL (a missing {@code aal} when none was asked is Login.gov's default, with a
 * warning), and every {@code ial}, the id_token's and userinfo's, when present, equals {@code acr}.
 * Keycloak checks none of it.
 *
 * <p>The values checked are the values mappers read (a mapper reads the id_token before userinfo):
 * an {@code ial} or an id_token {@code aal} that is not a string is refused rather than passed
 * over, so that a stock mapper (Claim to Role on {@code aal}, say) never acts on a value that was
 * not checked. identity-idp writes both from the same resolver as {@code acr}
 * ({@code OpenidConnectUserInfoPresenter}), so a legitimate answer always agrees.
 */
public final class AssuranceCheck {

    private static final Logger LOG = Logger.getLogger(AssuranceCheck.class);

    private AssuranceCheck() {}

    /**
     * @param requested the acr_values this sign-in sent
     * @param idToken the validated id_token
     * @param userInfo Login.gov's userinfo answer, or null
     * @return what Login.gov asserted, accepted
     * @throws LoginGovLoginException naming the mismatch
     */
    public static AssertedLevel check(AcrValues requested, JsonWebToken idToken, JsonNode userInfo) {
        String acr = text(idToken, LoginGovClaims.ACR);
        Object idTokenAal = claim(idToken, LoginGovClaims.AAL);
        if (idTokenAal != null && !(idTokenAal instanceof String)) {
            throw new LoginGovLoginException(FailureCode.ASSURANCE_MISMATCH, "id_token aal is not a string");
        }
        String aal = (String) idTokenAal;
        if (aal == null) {
            aal = text(userInfo, LoginGovClaims.AAL);
        }
        if (aal == null && requested.aal() == null) {
            // Harmless: nothing was asked of the AAL, so Login.gov's default is what it applied.
            LOG.warnf(
                    "Login.gov returned no aal; the sign-in asked for none, so Login.gov's default %s is recorded",
                    AuthenticationAssurance.DEFAULT.value());
            aal = AuthenticationAssurance.DEFAULT.value();
        }
        Object idTokenIal = claim(idToken, LoginGovClaims.IAL);
        if (acr != null && idTokenIal != null && !acr.equals(idTokenIal)) {
            throw new LoginGovLoginException(FailureCode.ASSURANCE_MISMATCH, "id_token ial differs from its acr");
        }
        JsonNode userInfoIal = userInfo == null ? null : userInfo.get(LoginGovClaims.IAL);
        if (acr != null
                && userInfoIal != null
                && !userInfoIal.isNull()
                && !(userInfoIal.isTextual() && acr.equals(userInfoIal.textValue()))) {
            throw new LoginGovLoginException(
                    FailureCode.ASSURANCE_MISMATCH, "userinfo ial differs from the id_token acr");
        }
        try {
            return AssertedLevel.check(requested, acr, aal);
        } catch (AssertedLevel.AssuranceMismatchException e) {
            throw new LoginGovLoginException(FailureCode.ASSURANCE_MISMATCH, e.getMessage());
        }
    }

    private static String text(JsonWebToken token, String claim) {
        return claim(token, claim) instanceof String text ? text : null;
    }

    /** The claim as the id_token holds it; null when absent or JSON null. */
    private static Object claim(JsonWebToken token, String claim) {
        return token == null || token.getOtherClaims() == null
                ? null
                : token.getOtherClaims().get(claim);
    }

    private static String text(JsonNode userInfo, String field) {
        JsonNode value = userInfo == null ? null : userInfo.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
