package io.github.kclogingov.broker.accounts;

import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IALMAX;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kclogingov.broker.config.ConfigKeys;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.broker.mappers.LoginGovAttributeMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderMapperModel;

/** Tests the mappers a new Login.gov provider starts with: the email always, the names only when verified levels are possible. */
class DefaultMappersTest {

    static LoginGovSettings settings(Map<String, String> changes) {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig();
        config.getConfig().putAll(changes);
        return config.settings();
    }

    static List<String> names(List<IdentityProviderMapperModel> mappers) {
        return mappers.stream().map(IdentityProviderMapperModel::getName).toList();
    }

    @Test
    void a_new_auth_only_provider_maps_the_email_only() {
        List<IdentityProviderMapperModel> mappers = DefaultMappers.defaultsFor("logingov", settings(Map.of()));
        assertEquals(List.of("email"), names(mappers));
    }

    @Test
    void the_email_mapper_imports_the_email_claim_into_the_email_attribute() {
        IdentityProviderMapperModel email =
                DefaultMappers.defaultsFor("logingov", settings(Map.of())).get(0);
        assertEquals("logingov", email.getIdentityProviderAlias());
        assertEquals(LoginGovAttributeMapper.PROVIDER_ID, email.getIdentityProviderMapper());
        assertEquals(Map.of("claim", "email", "user.attribute", "email", "syncMode", "INHERIT"), email.getConfig());
    }

    @Test
    void a_verified_registration_also_maps_first_and_last_names() {
        List<IdentityProviderMapperModel> mappers =
                DefaultMappers.defaultsFor("logingov", settings(Map.of(ConfigKeys.REGISTRATION, "verified")));
        assertEquals(List.of("email", "first name", "last name"), names(mappers));
        assertEquals(
                Map.of("claim", "given_name", "user.attribute", "firstName", "syncMode", "INHERIT"),
                mappers.get(1).getConfig());
        assertEquals(
                Map.of("claim", "family_name", "user.attribute", "lastName", "syncMode", "INHERIT"),
                mappers.get(2).getConfig());
    }

    @Test
    void a_default_level_that_releases_verified_attributes_also_maps_the_names() {
        assertEquals(
                List.of("email", "first name", "last name"),
                names(DefaultMappers.defaultsFor("logingov", settings(Map.of(ConfigKeys.IAL, VERIFIED)))));
        assertEquals(
                List.of("email", "first name", "last name"),
                names(DefaultMappers.defaultsFor("logingov", settings(Map.of(ConfigKeys.IAL, LEGACY_IALMAX)))));
    }

    @Test
    void a_stronger_aal_alone_does_not_map_the_names() {
        assertEquals(
                List.of("email"),
                names(DefaultMappers.defaultsFor("logingov", settings(Map.of(ConfigKeys.AAL, PIV_CAC)))));
    }

    @Test
    void every_mapper_is_bound_to_the_alias_and_is_a_login_gov_attribute_mapper() {
        List<IdentityProviderMapperModel> mappers =
                DefaultMappers.defaultsFor("logingov-prod", settings(Map.of(ConfigKeys.REGISTRATION, "verified")));
        for (IdentityProviderMapperModel mapper : mappers) {
            assertEquals("logingov-prod", mapper.getIdentityProviderAlias(), mapper.getName());
            assertEquals(LoginGovAttributeMapper.PROVIDER_ID, mapper.getIdentityProviderMapper(), mapper.getName());
        }
    }

    @Test
    void the_config_maps_can_be_edited_as_keycloak_does() {
        IdentityProviderMapperModel email =
                DefaultMappers.defaultsFor("logingov", settings(Map.of())).get(0);
        email.getConfig().put("syncMode", "FORCE");
        assertEquals("FORCE", email.getConfig().get("syncMode"));
    }
}
