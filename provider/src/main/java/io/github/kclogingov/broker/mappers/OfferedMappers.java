package io.github.kclogingov.broker.mappers;

import io.github.kclogingov.broker.common.ProviderType;
import java.util.Arrays;
import java.util.List;
import org.keycloak.broker.oidc.KeycloakOIDCIdentityProviderFactory;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProviderMapper;

/**
 * The mapper types the admin console offers for a Login.gov provider: Login.gov's own, and
 * Keycloak's OpenID Connect mappers (claim to role, claim to group, username template, hardcoded
 * role...), which declare themselves for the stock {@code oidc} providers only. Login.gov's
 * answers are OpenID Connect, so they work as they are.
 */
public final class OfferedMappers {

    private OfferedMappers() {}

    public static boolean includes(IdentityProviderMapper mapper) {
        List<String> compatible = Arrays.asList(mapper.getCompatibleProviders());
        return compatible.contains(IdentityProviderMapper.ANY_PROVIDER)
                || compatible.contains(ProviderType.ID)
                || compatible.contains(OIDCIdentityProviderFactory.PROVIDER_ID)
                || compatible.contains(KeycloakOIDCIdentityProviderFactory.PROVIDER_ID);
    }
}
