package io.github.kclogingov.broker.accounts;

import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.broker.mappers.LoginGovAttributeMapper;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderMapperSyncMode;

/**
 * The mappers a new Login.gov provider starts with, bound to its alias: the email always, and the
 * first and last names when the provider can ask for a verified level (Login.gov releases names
 * only then).
 */
public final class DefaultMappers {

    private DefaultMappers() {}

    public static List<IdentityProviderMapperModel> defaultsFor(String alias, LoginGovSettings settings) {
        List<IdentityProviderMapperModel> mappers = new ArrayList<>();
        mappers.add(attributeMapper(alias, "email", LoginGovClaims.EMAIL, "email"));
        if (settings.canRequestVerifiedLevels()) {
            mappers.add(attributeMapper(alias, "first name", LoginGovClaims.GIVEN_NAME, "firstName"));
            mappers.add(attributeMapper(alias, "last name", LoginGovClaims.FAMILY_NAME, "lastName"));
        }
        return mappers;
    }

    private static IdentityProviderMapperModel attributeMapper(
            String alias, String name, String claim, String attribute) {
        IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(alias);
        mapper.setIdentityProviderMapper(LoginGovAttributeMapper.PROVIDER_ID);
        // Mutable: Keycloak's model keeps and edits the map it is given.
        mapper.setConfig(new HashMap<>(Map.of(
                LoginGovAttributeMapper.CLAIM, claim,
                LoginGovAttributeMapper.USER_ATTRIBUTE, attribute,
                IdentityProviderMapperModel.SYNC_MODE, IdentityProviderMapperSyncMode.INHERIT.name())));
        return mapper;
    }
}
