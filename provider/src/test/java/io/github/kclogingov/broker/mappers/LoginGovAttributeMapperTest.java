package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.mappers.UserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.provider.ProviderConfigProperty;

class LoginGovAttributeMapperTest {

    final LoginGovAttributeMapper mapper = new LoginGovAttributeMapper();

    static IdentityProviderMapperModel model(String claim, String attribute) {
        return Contexts.mapper(
                LoginGovAttributeMapper.PROVIDER_ID, Map.of("claim", claim, "user.attribute", attribute));
    }

    void preprocess(IdentityProviderMapperModel model, BrokeredIdentityContext context) {
        mapper.preprocessFederatedIdentity(null, null, model, context);
    }

    static ProviderConfigProperty property(List<ProviderConfigProperty> properties, String name) {
        return properties.stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class Declaration {

        @Test
        void is_a_login_gov_attribute_importer() {
            assertEquals("logingov-attribute-mapper", mapper.getId());
            assertArrayEquals(new String[] {"login.gov"}, mapper.getCompatibleProviders());
            assertEquals("Attribute Importer", mapper.getDisplayCategory());
            assertEquals("Login.gov attribute", mapper.getDisplayType());
        }

        @Test
        void supports_every_sync_mode() {
            for (IdentityProviderSyncMode mode : IdentityProviderSyncMode.values()) {
                assertTrue(mapper.supportsSyncMode(mode), mode.name());
            }
        }

        @Test
        void keeps_the_parents_config_keys_in_its_order() {
            assertEquals(
                    new UserAttributeMapper()
                            .getConfigProperties().stream()
                                    .map(ProviderConfigProperty::getName)
                                    .toList(),
                    mapper.getConfigProperties().stream()
                            .map(ProviderConfigProperty::getName)
                            .toList());
            assertEquals(
                    List.of("claim", "user.attribute", "allow.nullable.property"),
                    mapper.getConfigProperties().stream()
                            .map(ProviderConfigProperty::getName)
                            .toList());
        }

        @Test
        void the_claim_is_a_drop_down_of_login_gov_claims_defaulting_to_email() {
            ProviderConfigProperty claim = property(mapper.getConfigProperties(), "claim");
            assertEquals(ProviderConfigProperty.LIST_TYPE, claim.getType());
            assertEquals(
                    List.of(
                            "email",
                            "all_emails",
                            "locale",
                            "given_name",
                            "family_name",
                            "birthdate",
                            "phone",
                            "phone_verified",
                            "verified_at",
                            "x509_subject",
                            "x509_issuer",
                            "x509_presented",
                            "ial",
                            "aal"),
                    claim.getOptions());
            assertEquals("email", claim.getDefaultValue());
        }

        @Test
        void the_ssn_and_the_address_have_their_own_mappers() {
            List<String> options =
                    property(mapper.getConfigProperties(), "claim").getOptions();
            assertFalse(options.contains(LoginGovClaims.SOCIAL_SECURITY_NUMBER));
            assertFalse(options.contains(LoginGovClaims.ADDRESS));
        }

        @Test
        void the_target_is_the_parents_user_profile_attribute_list() {
            ProviderConfigProperty attribute = property(mapper.getConfigProperties(), "user.attribute");
            assertEquals(ProviderConfigProperty.USER_PROFILE_ATTRIBUTE_LIST_TYPE, attribute.getType());
        }

        @Test
        void leaves_the_parents_properties_alone() {
            assertEquals(
                    ProviderConfigProperty.STRING_TYPE,
                    property(new UserAttributeMapper().getConfigProperties(), "claim")
                            .getType());
        }
    }

    @Nested
    class VerifiedAt {

        @Test
        void epoch_seconds_in_the_id_token_become_an_iso_instant() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("verified_at", 1_709_294_400));
            preprocess(model("verified_at", "verified_at"), context);
            assertEquals(List.of("2024-03-01T12:00:00Z"), Contexts.attribute(context, "verified_at"));
        }

        @Test
        void epoch_seconds_in_userinfo_become_an_iso_instant() {
            BrokeredIdentityContext context = Contexts.withUserInfo("{\"sub\":\"x\",\"verified_at\":1709294400}");
            preprocess(model("verified_at", "logingov_verified_at"), context);
            assertEquals(List.of("2024-03-01T12:00:00Z"), Contexts.attribute(context, "logingov_verified_at"));
        }

        @Test
        void null_leaves_no_value() {
            BrokeredIdentityContext context = Contexts.withUserInfo("{\"sub\":\"x\",\"verified_at\":null}");
            preprocess(model("verified_at", "verified_at"), context);
            assertNull(Contexts.attribute(context, "verified_at"));
        }
    }

    /** Hostile values store nothing, whatever the claim and wherever it comes from. */
    @Nested
    class HostileValues {

        static void assertNothingStored(BrokeredIdentityContext context, String attribute) {
            List<String> values = Contexts.attribute(context, attribute);
            assertTrue(values == null || values.isEmpty(), () -> attribute + " holds " + values.size() + " value(s)");
        }

        @Test
        void a_hostile_verified_at_stores_nothing() {
            for (Object hostile : List.of(
                    HostileClaims.HUGE_EXPONENT,
                    HostileClaims.HUGE_NEGATIVE_EXPONENT,
                    HostileClaims.HUGE_EXPONENT_TEXT,
                    HostileClaims.TEN_THOUSAND_DIGIT_NUMBER,
                    HostileClaims.TEN_THOUSAND_DIGITS,
                    HostileClaims.ONE_MEGABYTE,
                    HostileClaims.nestedList(1000))) {
                BrokeredIdentityContext context = Contexts.withIdToken(Map.of("verified_at", hostile));
                preprocess(model("verified_at", "verified_at"), context);
                assertNothingStored(context, "verified_at");
            }
        }

        @Test
        void a_megabyte_string_or_a_thousand_levels_store_nothing() {
            BrokeredIdentityContext context = Contexts.withIdToken(
                    Map.of("given_name", HostileClaims.ONE_MEGABYTE, "all_emails", HostileClaims.nestedList(1000)));
            preprocess(model("given_name", "given_name"), context);
            preprocess(model("all_emails", "all_emails"), context);
            preprocess(model("given_name", "firstName"), context);
            assertNothingStored(context, "given_name");
            assertNothingStored(context, "all_emails");
            assertNull(context.getFirstName());
        }

        @Test
        void a_hostile_value_from_userinfo_stores_nothing() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of());
            context.getContextData()
                    .put(
                            org.keycloak.broker.oidc.OIDCIdentityProvider.USER_INFO,
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                                    .objectNode()
                                    .put("given_name", HostileClaims.ONE_MEGABYTE)
                                    .put("verified_at", HostileClaims.HUGE_EXPONENT)
                                    .set("all_emails", HostileClaims.nestedJson(1000)));
            preprocess(model("given_name", "given_name"), context);
            preprocess(model("verified_at", "verified_at"), context);
            preprocess(model("all_emails", "all_emails"), context);
            assertNothingStored(context, "given_name");
            assertNothingStored(context, "verified_at");
            assertNothingStored(context, "all_emails");
        }
    }

    @Nested
    class Guards {

        @Test
        void a_mapper_saved_without_claim_or_attribute_does_nothing() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("email", "a@example.gov"));
            IdentityProviderMapperModel noClaim =
                    Contexts.mapper(LoginGovAttributeMapper.PROVIDER_ID, Map.of("user.attribute", "x"));
            IdentityProviderMapperModel noAttribute =
                    Contexts.mapper(LoginGovAttributeMapper.PROVIDER_ID, Map.of("claim", "email"));
            assertDoesNotThrow(() -> preprocess(noClaim, context));
            assertDoesNotThrow(() -> preprocess(noAttribute, context));
            assertDoesNotThrow(() -> mapper.updateBrokeredUser(null, null, null, noClaim, context));
            assertTrue(context.getAttributes().isEmpty());
        }
    }

    /**
     * What the parent does with the values. Its code needs keycloak-saml-core (for a StringUtil),
     * a provided dependency of keycloak-services that Maven does not pass on: the provider POM adds
     * it for tests.
     */
    @Nested
    class ParentBehaviour {

        @Test
        void other_claims_are_not_converted() {
            BrokeredIdentityContext context =
                    Contexts.withIdToken(Map.of("birthdate", "1970-01-02", "phone", "+12025550100"));
            preprocess(model("birthdate", "birthdate"), context);
            preprocess(model("phone", "phoneNumber"), context);
            assertEquals(List.of("1970-01-02"), Contexts.attribute(context, "birthdate"));
            assertEquals(List.of("+12025550100"), Contexts.attribute(context, "phoneNumber"));
        }

        @Test
        void all_emails_becomes_a_multi_valued_attribute() {
            BrokeredIdentityContext context =
                    Contexts.withIdToken(Map.of("all_emails", List.of("a@example.gov", "b@example.com")));
            preprocess(model("all_emails", "all_emails"), context);
            assertEquals(List.of("a@example.gov", "b@example.com"), Contexts.attribute(context, "all_emails"));
        }

        @Test
        void all_emails_from_userinfo_becomes_a_multi_valued_attribute() {
            BrokeredIdentityContext context =
                    Contexts.withUserInfo("{\"all_emails\":[\"a@example.gov\",\"b@example.com\"]}");
            preprocess(model("all_emails", "all_emails"), context);
            assertEquals(List.of("a@example.gov", "b@example.com"), Contexts.attribute(context, "all_emails"));
        }

        @Test
        void names_go_to_the_users_own_fields() {
            BrokeredIdentityContext context =
                    Contexts.withIdToken(Map.of("given_name", "Ada", "family_name", "Lovelace"));
            preprocess(model("given_name", "firstName"), context);
            preprocess(model("family_name", "lastName"), context);
            assertEquals("Ada", context.getFirstName());
            assertEquals("Lovelace", context.getLastName());
        }

        @Test
        void a_boolean_becomes_its_text() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("x509_presented", true));
            preprocess(model("x509_presented", "x509_presented"), context);
            assertEquals(List.of("true"), Contexts.attribute(context, "x509_presented"));
        }
    }
}
