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
        void no_claim_of_the_token_mechanics_or_unknown_to_login_gov_is_offered() {
            List<String> options =
                    property(mapper.getConfigProperties(), "claim").getOptions();
            for (String claim : List.of(
                    "iss",
                    "sub",
                    "aud",
                    "jti",
                    "nonce",
                    "at_hash",
                    "c_hash",
                    "exp",
                    "iat",
                    "nbf",
                    "auth_time",
                    "vot",
                    "vtm",
                    "email_verified")) {
                assertFalse(options.contains(claim), claim);
            }
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
        void locale_phone_verified_and_the_x509_texts_are_stored_as_login_gov_sent_them() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of(
                    "locale", "es",
                    "phone_verified", true,
                    "x509_subject", "CN=JORDAN.EXAMPLE.1234567890,OU=DoD,O=U.S. Government,C=US",
                    "x509_issuer", "CN=DOD ID CA-59,OU=PKI,OU=DoD,O=U.S. Government,C=US"));
            preprocess(model("locale", "logingov_locale"), context);
            preprocess(model("phone_verified", "logingov_phone_verified"), context);
            preprocess(model("x509_subject", "logingov_x509_subject"), context);
            preprocess(model("x509_issuer", "logingov_x509_issuer"), context);
            assertEquals(List.of("es"), Contexts.attribute(context, "logingov_locale"));
            assertEquals(List.of("true"), Contexts.attribute(context, "logingov_phone_verified"));
            assertEquals(
                    List.of("CN=JORDAN.EXAMPLE.1234567890,OU=DoD,O=U.S. Government,C=US"),
                    Contexts.attribute(context, "logingov_x509_subject"));
            assertEquals(
                    List.of("CN=DOD ID CA-59,OU=PKI,OU=DoD,O=U.S. Government,C=US"),
                    Contexts.attribute(context, "logingov_x509_issuer"));
        }

        @Test
        void claims_no_mapper_names_leave_no_trace_when_every_offered_claim_is_mapped() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of(
                    "email", "a@example.gov",
                    "jti", "Zl1Jv3m3K8j0mQ2w9pX7bA",
                    "c_hash", "Qq7Lm0Nn2Pp4Rr6Tt8Vv0w",
                    "vot", "C1.C2.P1",
                    "something_new", "unexpected"));
            for (String claim : LoginGovAttributeMapper.CLAIMS) {
                preprocess(model(claim, "logingov_" + claim), context);
            }
            assertEquals(Map.of("logingov_email", List.of("a@example.gov")), context.getAttributes());
        }

        @Test
        void a_boolean_becomes_its_text() {
            BrokeredIdentityContext context = Contexts.withIdToken(Map.of("x509_presented", true));
            preprocess(model("x509_presented", "x509_presented"), context);
            assertEquals(List.of("true"), Contexts.attribute(context, "x509_presented"));
        }
    }

    /**
     * A later sign-in in sync mode FORCE ({@code updateBrokeredUser}): what Login.gov released
     * replaces what is stored; what it did not say (absent, null, blank, unreadable) never erases it.
     */
    @Nested
    class AtALaterSignInInForceMode {

        void update(IdentityProviderMapperModel model, StoredUser user, BrokeredIdentityContext context) {
            mapper.updateBrokeredUser(null, null, user.model(), model, context);
        }

        @Test
        void a_released_value_replaces_the_stored_one() {
            StoredUser user = StoredUser.with("birthdate", "1970-01-01");
            update(model("birthdate", "birthdate"), user, Contexts.withIdToken(Map.of("birthdate", "1970-01-02")));
            assertEquals(List.of("1970-01-02"), user.attribute("birthdate"));
        }

        @Test
        void the_same_value_writes_nothing() {
            StoredUser user = StoredUser.with("phoneNumber", "+12025550100");
            update(model("phone", "phoneNumber"), user, Contexts.withIdToken(Map.of("phone", "+12025550100")));
            assertEquals(0, user.writes);
        }

        @Test
        void the_nulls_of_an_expired_login_gov_session_keep_every_stored_value() {
            Map<String, String> claimToAttribute = Map.of(
                    "birthdate", "birthdate",
                    "phone", "phoneNumber",
                    "phone_verified", "logingov_phone_verified",
                    "locale", "logingov_locale",
                    "verified_at", "logingov_verified_at",
                    "x509_subject", "logingov_x509_subject",
                    "x509_issuer", "logingov_x509_issuer");
            StoredUser user = new StoredUser();
            claimToAttribute.values().forEach(attribute -> user.attributes.put(attribute, List.of("stored")));
            user.fields.put("FirstName", "Jordan");
            user.fields.put("LastName", "Example");
            BrokeredIdentityContext context = Contexts.expiredLoginGovSession();
            claimToAttribute.forEach((claim, attribute) -> update(model(claim, attribute), user, context));
            update(model("given_name", "firstName"), user, context);
            update(model("family_name", "lastName"), user, context);
            assertEquals(0, user.writes, "nothing written");
            claimToAttribute.values().forEach(attribute -> assertEquals(List.of("stored"), user.attribute(attribute)));
            assertEquals("Jordan", user.model().getFirstName());
        }

        @Test
        void an_auth_only_sign_in_without_the_claim_keeps_the_stored_value() {
            StoredUser user = StoredUser.with("birthdate", "1970-01-02");
            update(model("birthdate", "birthdate"), user, Contexts.withIdToken(Map.of("email", "a@example.gov")));
            assertEquals(List.of("1970-01-02"), user.attribute("birthdate"));
        }

        @Test
        void a_blank_text_or_an_empty_array_keeps_the_stored_value() {
            StoredUser user = StoredUser.with("birthdate", "1970-01-02", "logingov_all_emails", "a@example.gov");
            user.fields.put("FirstName", "Jordan");
            update(model("birthdate", "birthdate"), user, Contexts.withIdToken(Map.of("birthdate", "")));
            update(model("birthdate", "birthdate"), user, Contexts.withUserInfo("{\"birthdate\":\"  \"}"));
            update(model("given_name", "firstName"), user, Contexts.withIdToken(Map.of("given_name", " ")));
            update(
                    model("all_emails", "logingov_all_emails"),
                    user,
                    Contexts.withIdToken(Map.of("all_emails", List.of())));
            update(
                    model("all_emails", "logingov_all_emails"),
                    user,
                    Contexts.withUserInfo("{\"all_emails\":[null,\"\"]}"));
            assertEquals(0, user.writes, "nothing written");
        }

        @Test
        void an_unreadable_verified_at_keeps_the_stored_instant() {
            StoredUser user = StoredUser.with("logingov_verified_at", "2024-03-01T12:00:00Z");
            update(
                    model("verified_at", "logingov_verified_at"),
                    user,
                    Contexts.withIdToken(Map.of("verified_at", "yesterday")));
            assertEquals(List.of("2024-03-01T12:00:00Z"), user.attribute("logingov_verified_at"));
        }

        @Test
        void a_new_verified_at_replaces_the_stored_instant() {
            StoredUser user = StoredUser.with("logingov_verified_at", "2024-03-01T12:00:00Z");
            update(
                    model("verified_at", "logingov_verified_at"),
                    user,
                    Contexts.withIdToken(Map.of("verified_at", 1_767_225_600L)));
            assertEquals(List.of("2026-01-01T00:00:00Z"), user.attribute("logingov_verified_at"));
        }

        @Test
        void x509_presented_false_is_what_login_gov_said_and_is_stored() {
            // A boolean, always sent with an x509 scope: false is an answer, not an absence.
            StoredUser user = StoredUser.with("logingov_x509_presented", "true");
            update(
                    model("x509_presented", "logingov_x509_presented"),
                    user,
                    Contexts.withIdToken(Map.of("x509_presented", false)));
            assertEquals(List.of("false"), user.attribute("logingov_x509_presented"));
        }

        @Test
        void all_emails_released_replaces_the_whole_list() {
            StoredUser user = StoredUser.with("logingov_all_emails", "old@example.gov");
            update(
                    model("all_emails", "logingov_all_emails"),
                    user,
                    Contexts.withIdToken(Map.of("all_emails", List.of("a@example.gov", "b@example.com"))));
            assertEquals(List.of("a@example.gov", "b@example.com"), user.attribute("logingov_all_emails"));
        }

        @Test
        void a_new_email_set_by_the_mapper_is_never_verified() {
            StoredUser user = new StoredUser();
            user.fields.put("Email", "old@example.gov");
            user.fields.put("EmailVerified", true);
            update(
                    model("email", "email"),
                    user,
                    Contexts.withIdToken(Map.of("email", "new@example.gov", "email_verified", true)));
            assertEquals("new@example.gov", user.model().getEmail());
            assertFalse(user.model().isEmailVerified(), "the old address's flag is not carried over");
        }

        @Test
        void the_same_email_in_another_case_keeps_the_flag() {
            StoredUser user = new StoredUser();
            user.fields.put("Email", "jordan@example.org");
            user.fields.put("EmailVerified", true);
            update(model("email", "email"), user, Contexts.withIdToken(Map.of("email", "Jordan@Example.org")));
            assertEquals(0, user.writes);
            assertTrue(user.model().isEmailVerified());
        }
    }

    /** The first sign-in, which creates the user ({@code preprocessFederatedIdentity}, sync mode IMPORT and FORCE alike). */
    @Nested
    class ForANewUser {

        @Test
        void the_nulls_of_an_expired_login_gov_session_give_no_attribute_and_no_name() {
            BrokeredIdentityContext context = Contexts.expiredLoginGovSession();
            for (String claim : Contexts.NULL_WHEN_THE_SESSION_EXPIRED) {
                if (CLAIMS_OFFERED.contains(claim)) {
                    preprocess(model(claim, "attribute_" + claim), context);
                }
            }
            preprocess(model("given_name", "firstName"), context);
            preprocess(model("verified_at", "logingov_verified_at"), context);
            assertTrue(context.getAttributes().isEmpty(), () -> "set: " + context.getAttributes());
            assertNull(context.getFirstName());
        }

        @Test
        void a_blank_email_or_name_is_not_set() {
            BrokeredIdentityContext context =
                    Contexts.withIdToken(Map.of("email", " ", "given_name", "", "birthdate", ""));
            preprocess(model("email", "email"), context);
            preprocess(model("given_name", "firstName"), context);
            preprocess(model("birthdate", "birthdate"), context);
            assertNull(context.getEmail());
            assertNull(context.getFirstName());
            assertTrue(context.getAttributes().isEmpty());
        }

        static final List<String> CLAIMS_OFFERED = LoginGovAttributeMapper.CLAIMS;
    }
}
