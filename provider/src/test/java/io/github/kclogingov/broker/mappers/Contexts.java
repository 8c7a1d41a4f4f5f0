package io.github.kclogingov.broker.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.LoginGovIdentityProviderFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/** Brokered sign-ins as Keycloak hands them to mappers: plain data, no server. */
final class Contexts {

    private Contexts() {}

    /** A sign-in whose validated id_token carries {@code claims}, and no userinfo. */
    static BrokeredIdentityContext withIdToken(Map<String, ?> claims) {
        JsonWebToken idToken = new JsonWebToken();
        idToken.subject("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca");
        claims.forEach(idToken::setOtherClaims);
        BrokeredIdentityContext context = empty();
        context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken);
        return context;
    }

    /** A sign-in whose id_token has no userinfo claim and whose userinfo response is {@code json}. */
    static BrokeredIdentityContext withUserInfo(String json) {
        BrokeredIdentityContext context = withIdToken(Map.of());
        try {
            context.getContextData()
                    .put(OIDCIdentityProvider.USER_INFO, JsonSerialization.readValue(json, JsonNode.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return context;
    }

    static BrokeredIdentityContext empty() {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias("logingov");
        provider.setProviderId(LoginGovIdentityProviderFactory.PROVIDER_ID);
        provider.setEnabled(true);
        return new BrokeredIdentityContext("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca", provider);
    }

    static IdentityProviderMapperModel mapper(String type, Map<String, String> config) {
        IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
        mapper.setName("test " + type);
        mapper.setIdentityProviderAlias("logingov");
        mapper.setIdentityProviderMapper(type);
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }

    /** The values a mapper left for a user attribute in the sign-in; {@code null} if it left none. */
    @SuppressWarnings("unchecked")
    static List<String> attribute(BrokeredIdentityContext context, String name) {
        return (List<String>) context.getAttributes().get(name);
    }
}
