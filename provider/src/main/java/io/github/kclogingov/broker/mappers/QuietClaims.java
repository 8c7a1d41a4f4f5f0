package io.github.kclogingov.broker.mappers;

import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a top-level claim where {@code AbstractClaimMapper.getClaimValue} looks (access token,
 * id_token, then userinfo), without logging. Keycloak's userinfo lookup logs the whole userinfo
 * response at DEBUG ({@code AbstractJsonUserAttributeMapper}); a Social Security number must not
 * reach a log through a lookup of ours, whatever the log level.
 */
final class QuietClaims {

    private QuietClaims() {
    }

    /** The claim's value: a JSON text as a String, a number as a Number, a boolean as a Boolean; else {@code null}. */
    static Object get(BrokeredIdentityContext context, String claim) {
        Object value = fromToken(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN), claim);
        if (value == null) {
            value = fromToken(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN), claim);
        }
        if (value == null && context.getContextData().get(OIDCIdentityProvider.USER_INFO) instanceof JsonNode userInfo) {
            value = scalar(userInfo.get(claim));
        }
        return value;
    }

    private static Object fromToken(Object token, String claim) {
        JsonWebToken parsed = null;
        if (token instanceof JsonWebToken jwt) {
            parsed = jwt;
        } else if (token instanceof String encoded) {
            try {
                parsed = new JWSInput(encoded).readJsonContent(JsonWebToken.class);
            } catch (JWSInputException | RuntimeException e) {
                return null;
            }
        }
        if (parsed == null || parsed.getOtherClaims() == null) {
            return null;
        }
        Object value = parsed.getOtherClaims().get(claim);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value : null;
    }

    private static Object scalar(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }
}
