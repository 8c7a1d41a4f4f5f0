package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.provider.ProviderConfigProperty;

class LoginGovSsnMapperTest {

    final LoginGovSsnMapper mapper = new LoginGovSsnMapper();

    BrokeredIdentityContext preprocess(Map<String, String> config, BrokeredIdentityContext context) {
        mapper.preprocessFederatedIdentity(null, null, Contexts.mapper(LoginGovSsnMapper.PROVIDER_ID, config), context);
        return context;
    }

    static ProviderConfigProperty property(String name) {
        return new LoginGovSsnMapper()
                .getConfigProperties().stream()
                        .filter(p -> p.getName().equals(name))
                        .findFirst()
                        .orElseThrow();
    }

    @Nested
    class Declaration {

        @Test
        void is_a_login_gov_attribute_importer() {
            assertEquals("logingov-ssn-mapper", mapper.getId());
            assertArrayEquals(new String[] {"login.gov"}, mapper.getCompatibleProviders());
            assertEquals("Attribute Importer", mapper.getDisplayCategory());
            assertEquals("Login.gov Social Security number", mapper.getDisplayType());
            for (IdentityProviderSyncMode mode : IdentityProviderSyncMode.values()) {
                assertTrue(mapper.supportsSyncMode(mode), mode.name());
            }
        }

        @Test
        void the_attribute_defaults_to_logingov_ssn() {
            assertEquals(
                    List.of("user.attribute", "keep"),
                    mapper.getConfigProperties().stream()
                            .map(ProviderConfigProperty::getName)
                            .toList());
            assertEquals(
                    ProviderConfigProperty.STRING_TYPE,
                    property("user.attribute").getType());
            assertEquals("logingov_ssn", property("user.attribute").getDefaultValue());
        }

        @Test
        void keep_offers_last_four_by_default_or_full() {
            ProviderConfigProperty keep = property("keep");
            assertEquals("Keep", keep.getLabel());
            assertEquals(ProviderConfigProperty.LIST_TYPE, keep.getType());
            assertEquals(List.of("last-four", "full"), keep.getOptions());
            assertEquals("last-four", keep.getDefaultValue());
        }

        @Test
        void the_help_asks_for_admin_only_permissions_and_names_the_protocol_mapper() {
            assertTrue(mapper.getHelpText().contains("User profile"));
            assertTrue(mapper.getHelpText().contains("admin only"));
            assertTrue(mapper.getHelpText().contains("No token carries it unless you add a protocol mapper"));
            assertTrue(property("user.attribute").getHelpText().contains("admin only"));
        }

        @Test
        void neither_the_mapper_nor_its_claim_reader_has_a_logger() {
            for (Class<?> type : List.of(LoginGovSsnMapper.class, QuietClaims.class)) {
                for (Field field : type.getDeclaredFields()) {
                    assertFalse(
                            Logger.class.isAssignableFrom(field.getType())
                                    || java.util.logging.Logger.class.isAssignableFrom(field.getType()),
                            type.getSimpleName() + "." + field.getName());
                }
            }
        }
    }

    @Nested
    class Keep {

        @Test
        void last_four_by_default() {
            assertEquals(Optional.of("6789"), LoginGovSsnMapper.kept(null, "123456789"));
            assertEquals(Optional.of("6789"), LoginGovSsnMapper.kept("last-four", "123456789"));
            assertEquals(Optional.of("6789"), LoginGovSsnMapper.kept("something else", "123456789"));
        }

        @Test
        void full_keeps_the_nine_digits_without_dashes() {
            assertEquals(Optional.of("123456789"), LoginGovSsnMapper.kept("full", "123456789"));
            assertEquals(Optional.of("123456789"), LoginGovSsnMapper.kept("full", "123-45-6789"));
        }

        @Test
        void a_malformed_or_missing_number_keeps_nothing() {
            assertEquals(Optional.empty(), LoginGovSsnMapper.kept("full", "12345678"));
            assertEquals(Optional.empty(), LoginGovSsnMapper.kept("last-four", null));
            assertEquals(
                    Optional.empty(), LoginGovSsnMapper.kept("full", 123456789)); // a number lost its leading zeros
        }

        @Test
        void the_attribute_name_comes_from_the_config() {
            assertEquals("logingov_ssn", LoginGovSsnMapper.attribute(Contexts.mapper("x", Map.of())));
            assertEquals("ssn4", LoginGovSsnMapper.attribute(Contexts.mapper("x", Map.of("user.attribute", " ssn4 "))));
            assertNull(LoginGovSsnMapper.attribute(Contexts.mapper("x", Map.of("user.attribute", ""))));
        }
    }

    @Nested
    class Import {

        @Test
        void the_last_four_digits_of_the_id_token_claim() {
            BrokeredIdentityContext context =
                    preprocess(Map.of(), Contexts.withIdToken(Map.of("social_security_number", "123456789")));
            assertEquals(List.of("6789"), Contexts.attribute(context, "logingov_ssn"));
        }

        @Test
        void the_full_number_of_the_userinfo_claim() {
            BrokeredIdentityContext context = preprocess(
                    Map.of("keep", "full", "user.attribute", "ssn"),
                    Contexts.withUserInfo("{\"sub\":\"x\",\"social_security_number\":\"123456789\"}"));
            assertEquals(List.of("123456789"), Contexts.attribute(context, "ssn"));
        }

        @Test
        void no_number_or_a_malformed_one_sets_nothing() {
            assertTrue(preprocess(Map.of(), Contexts.withIdToken(Map.of()))
                    .getAttributes()
                    .isEmpty());
            assertTrue(preprocess(Map.of(), Contexts.withUserInfo("{\"social_security_number\":null}"))
                    .getAttributes()
                    .isEmpty());
            assertTrue(preprocess(Map.of(), Contexts.withUserInfo("{\"social_security_number\":\"12-34\"}"))
                    .getAttributes()
                    .isEmpty());
        }

        @Test
        void an_empty_attribute_name_imports_nothing() {
            BrokeredIdentityContext context = preprocess(
                    Map.of("user.attribute", ""), Contexts.withIdToken(Map.of("social_security_number", "123456789")));
            assertTrue(context.getAttributes().isEmpty());
        }
    }

    /** A later sign-in in sync mode FORCE ({@code updateBrokeredUser}). */
    @Nested
    class AtALaterSignInInForceMode {

        StoredUser update(StoredUser user, Map<String, String> config, BrokeredIdentityContext context) {
            mapper.updateBrokeredUser(
                    null, null, user.model(), Contexts.mapper(LoginGovSsnMapper.PROVIDER_ID, config), context);
            return user;
        }

        @Test
        void a_released_number_replaces_the_stored_digits() {
            StoredUser user = update(
                    StoredUser.with("logingov_ssn", "1111"),
                    Map.of(),
                    Contexts.withIdToken(Map.of("social_security_number", "123456789")));
            assertEquals(List.of("6789"), user.attribute("logingov_ssn"));
        }

        @Test
        void the_null_number_of_an_expired_login_gov_session_keeps_the_stored_digits() {
            StoredUser user =
                    update(StoredUser.with("logingov_ssn", "6789"), Map.of(), Contexts.expiredLoginGovSession());
            assertEquals(0, user.writes);
            assertEquals(List.of("6789"), user.attribute("logingov_ssn"));
        }

        @Test
        void a_number_that_is_not_nine_digits_keeps_the_stored_digits() {
            for (Object malformed : List.of("", "12345678", "1234567890", "12345678X", 123456789)) {
                StoredUser user = update(
                        StoredUser.with("ssn", "123456789"),
                        Map.of("keep", "full", "user.attribute", "ssn"),
                        Contexts.withIdToken(Map.of("social_security_number", malformed)));
                assertEquals(0, user.writes, () -> "for " + malformed);
            }
        }
    }
}
