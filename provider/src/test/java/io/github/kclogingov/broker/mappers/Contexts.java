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

    /** The claims identity-idp leaves null when the person's Login.gov session has expired. */
    static final List<String> NULL_WHEN_THE_SESSION_EXPIRED = List.of(
            "given_name",
            "family_name",
            "birthdate",
            "social_security_number",
            "address",
            "phone",
            "phone_verified",
            "locale",
            "x509_subject",
            "x509_issuer");

    /**
     * A verified sign-in as identity-idp answers it once the person's Login.gov session has expired
     * ({@code OpenidConnectUserInfoPresenter}: the attributes read from the session are null, in the
     * id_token and in userinfo alike; {@code x509_presented} is false), with {@code verified_at}
     * null as an auth-only registration gets it.
     */
    static BrokeredIdentityContext expiredLoginGovSession() {
        Map<String, Object> claims = new HashMap<>();
        NULL_WHEN_THE_SESSION_EXPIRED.forEach(claim -> claims.put(claim, null));
        claims.put("verified_at", null);
        claims.put("email", "jordan@example.org");
        claims.put("email_verified", true);
        claims.put("x509_presented", false);
        claims.put("ial", "urn:acr.login.gov:verified");
        BrokeredIdentityContext context = withIdToken(claims);
        Map<String, Object> userinfo = new HashMap<>(claims);
        userinfo.put("sub", "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca");
        try {
            context.getContextData()
                    .put(
                            OIDCIdentityProvider.USER_INFO,
                            JsonSerialization.readValue(
                                    JsonSerialization.writeValueAsString(userinfo), JsonNode.class));
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
