package io.github.kclogingov.broker.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * The one claim reader of the Login.gov mappers. It looks where {@code AbstractClaimMapper.getClaimValue}
 * looks (access token, id_token, then userinfo), for a top-level claim, without logging: Keycloak's
 * userinfo lookup logs the whole userinfo response at DEBUG ({@code AbstractJsonUserAttributeMapper}),
 * and a Social Security number, a birth date or an address must not reach a log through a lookup
 * of ours, whatever the log level.
 *
 * <p>It is also where a hostile value stops: a claim beyond {@link ClaimBounds} (a string over
 * {@value ClaimValues#MAX_STORED_LENGTH} characters, nesting deeper than Login.gov's, a huge or
 * infinite number) is answered as absent, so no mapper stores or works on it.
 */
final class QuietClaims {

    private QuietClaims() {}

    /**
     * The claim's value as JSON gave it: a String, a Number or a Boolean; a List of those for an
     * array; a Map for an object ({@code address}). {@code null} when absent or JSON null.
     */
    static Object get(BrokeredIdentityContext context, String claim) {
        Object value = fromToken(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN), claim);
        if (value == null) {
            value = fromToken(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN), claim);
        }
        if (value == null
                && context.getContextData().get(OIDCIdentityProvider.USER_INFO) instanceof JsonNode userInfo) {
            JsonNode node = userInfo.get(claim);
            value = node != null && ClaimBounds.fits(node) ? fromJson(node) : null;
        }
        return value;
    }

    /**
     * The claim's values as text: one for a scalar, one per element for an array, none when absent.
     * A null or blank value is no value: identity-idp writes an attribute it cannot read (an expired
     * Login.gov session) as null, and an empty text would only erase what is stored.
     */
    static List<String> texts(BrokeredIdentityContext context, String claim) {
        Object value = get(context, claim);
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(QuietClaims::isValue).forEach(item -> texts.add(item.toString()));
        } else if (isValue(value)) {
            texts.add(value.toString());
        }
        return texts;
    }

    private static boolean isValue(Object value) {
        return value != null && !value.toString().isBlank();
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
        if (!ClaimBounds.fits(value)) {
            return null;
        }
        return value instanceof String
                        || value instanceof Number
                        || value instanceof Boolean
                        || value instanceof List<?>
                        || value instanceof Map<?, ?>
                ? value
                : null;
    }

    private static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
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
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(fromJson(item)));
            return items;
        }
        return node.isObject() ? JsonSerialization.mapper.convertValue(node, Map.class) : null;
    }
}
