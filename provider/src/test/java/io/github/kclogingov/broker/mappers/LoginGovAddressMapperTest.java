package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.mappers.LoginGovAddressMapper.Part;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.protocol.oidc.mappers.AddressMapper;
import org.keycloak.provider.ProviderConfigProperty;

class LoginGovAddressMapperTest {

    static final String USERINFO =
            "{\"sub\":\"x\",\"address\":{\"formatted\":\"1 Main St\\nApt 2\\nWashington, DC 20001\","
                    + "\"street_address\":\"1 Main St\\nApt 2\",\"locality\":\"Washington\",\"region\":\"DC\",\"postal_code\":\"20001\"}}";

    final LoginGovAddressMapper mapper = new LoginGovAddressMapper();

    static Map<String, Object> address() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "1 Main St\nApt 2\nWashington, DC 20001");
        address.put("street_address", "1 Main St\nApt 2");
        address.put("locality", "Washington");
        address.put("region", "DC");
        address.put("postal_code", "20001");
        return address;
    }

    BrokeredIdentityContext preprocess(Map<String, String> config, BrokeredIdentityContext context) {
        mapper.preprocessFederatedIdentity(
                null, null, Contexts.mapper(LoginGovAddressMapper.PROVIDER_ID, config), context);
        return context;
    }

    @Nested
    class Declaration {

        @Test
        void is_a_login_gov_attribute_importer() {
            assertEquals("logingov-address-mapper", mapper.getId());
            assertArrayEquals(new String[] {"login.gov"}, mapper.getCompatibleProviders());
            assertEquals("Attribute Importer", mapper.getDisplayCategory());
            assertEquals("Login.gov address", mapper.getDisplayType());
            for (IdentityProviderSyncMode mode : IdentityProviderSyncMode.values()) {
                assertTrue(mapper.supportsSyncMode(mode), mode.name());
            }
        }

        @Test
        void one_attribute_name_per_part_defaulting_to_keycloaks_address_mapper_names() {
            Map<String, Object> defaults = new LinkedHashMap<>();
            for (ProviderConfigProperty property : mapper.getConfigProperties()) {
                assertEquals(ProviderConfigProperty.STRING_TYPE, property.getType());
                defaults.put(property.getName(), property.getDefaultValue());
            }
            assertEquals(
                    List.of(
                            "user.attribute.street",
                            "user.attribute.locality",
                            "user.attribute.region",
                            "user.attribute.postal_code",
                            "user.attribute.formatted"),
                    List.copyOf(defaults.keySet()));
            assertEquals(
                    List.of("street", "locality", "region", "postal_code", "formatted"),
                    List.copyOf(defaults.values()));
        }

        @Test
        void config_keys_and_defaults_are_those_of_keycloaks_address_protocol_mapper() {
            Map<String, Object> keycloak = new HashMap<>();
            new AddressMapper().getConfigProperties().forEach(p -> keycloak.put(p.getName(), p.getDefaultValue()));
            for (ProviderConfigProperty property : mapper.getConfigProperties()) {
                assertEquals(keycloak.get(property.getName()), property.getDefaultValue(), property.getName());
            }
        }
    }

    @Nested
    class Targets {

        @Test
        void a_missing_key_takes_the_default() {
            Map<Part, String> targets = LoginGovAddressMapper.targets(Contexts.mapper("x", Map.of()));
            assertEquals(
                    Map.of(
                            Part.STREET,
                            "street",
                            Part.LOCALITY,
                            "locality",
                            Part.REGION,
                            "region",
                            Part.POSTAL_CODE,
                            "postal_code",
                            Part.FORMATTED,
                            "formatted"),
                    targets);
        }

        @Test
        void an_empty_name_skips_the_part_and_names_are_trimmed() {
            Map<Part, String> targets = LoginGovAddressMapper.targets(
                    Contexts.mapper("x", Map.of("user.attribute.formatted", "", "user.attribute.street", " street1 ")));
            assertNull(targets.get(Part.FORMATTED));
            assertEquals("street1", targets.get(Part.STREET));
            assertEquals(4, targets.size());
        }

        @Test
        void a_missing_config_takes_every_default() {
            IdentityProviderMapperModel model = new IdentityProviderMapperModel();
            model.setConfig(null);
            assertEquals(5, LoginGovAddressMapper.targets(model).size());
        }
    }

    @Nested
    class Import {

        @Test
        void splits_the_address_of_the_id_token() {
            BrokeredIdentityContext context = preprocess(Map.of(), Contexts.withIdToken(Map.of("address", address())));
            assertEquals(List.of("1 Main St\nApt 2"), Contexts.attribute(context, "street"));
            assertEquals(List.of("Washington"), Contexts.attribute(context, "locality"));
            assertEquals(List.of("DC"), Contexts.attribute(context, "region"));
            assertEquals(List.of("20001"), Contexts.attribute(context, "postal_code"));
            assertEquals(List.of("1 Main St\nApt 2\nWashington, DC 20001"), Contexts.attribute(context, "formatted"));
        }

        @Test
        void splits_the_address_of_userinfo() {
            BrokeredIdentityContext context = preprocess(Map.of(), Contexts.withUserInfo(USERINFO));
            assertEquals(List.of("1 Main St\nApt 2"), Contexts.attribute(context, "street"));
            assertEquals(List.of("20001"), Contexts.attribute(context, "postal_code"));
            assertEquals(List.of("1 Main St\nApt 2\nWashington, DC 20001"), Contexts.attribute(context, "formatted"));
        }

        @Test
        void uses_the_configured_names() {
            BrokeredIdentityContext context = preprocess(
                    Map.of("user.attribute.region", "state", "user.attribute.formatted", ""),
                    Contexts.withIdToken(Map.of("address", address())));
            assertEquals(List.of("DC"), Contexts.attribute(context, "state"));
            assertNull(Contexts.attribute(context, "region"));
            assertNull(Contexts.attribute(context, "formatted"));
        }

        @Test
        void sets_only_the_parts_present() {
            Map<String, Object> partial = address();
            partial.remove("formatted");
            partial.put("region", null);
            BrokeredIdentityContext context = preprocess(Map.of(), Contexts.withIdToken(Map.of("address", partial)));
            assertEquals(List.of("Washington"), Contexts.attribute(context, "locality"));
            assertNull(Contexts.attribute(context, "region"));
            assertNull(Contexts.attribute(context, "formatted"));
        }

        @Test
        void no_address_sets_nothing() {
            assertTrue(preprocess(Map.of(), Contexts.withIdToken(Map.of()))
                    .getAttributes()
                    .isEmpty());
            assertTrue(preprocess(Map.of(), Contexts.withUserInfo("{\"sub\":\"x\",\"address\":null}"))
                    .getAttributes()
                    .isEmpty());
            assertTrue(preprocess(Map.of(), Contexts.withUserInfo("{\"sub\":\"x\",\"address\":\"1 Main St\"}"))
                    .getAttributes()
                    .isEmpty());
        }
    }

    /** A later sign-in in sync mode FORCE ({@code updateBrokeredUser}). */
    @Nested
    class AtALaterSignInInForceMode {

        StoredUser update(StoredUser user, BrokeredIdentityContext context) {
            mapper.updateBrokeredUser(
                    null, null, user.model(), Contexts.mapper(LoginGovAddressMapper.PROVIDER_ID, Map.of()), context);
            return user;
        }

        static StoredUser storedAddress() {
            return StoredUser.with(
                    "street", "9 Old Rd",
                    "locality", "Baltimore",
                    "region", "MD",
                    "postal_code", "21201",
                    "formatted", "9 Old Rd\nBaltimore, MD 21201");
        }

        @Test
        void a_released_address_replaces_every_part_keeping_the_line_break_of_a_second_street_line() {
            StoredUser user = update(storedAddress(), Contexts.withIdToken(Map.of("address", address())));
            assertEquals(List.of("1 Main St\nApt 2"), user.attribute("street"));
            assertEquals(List.of("Washington"), user.attribute("locality"));
            assertEquals(List.of("DC"), user.attribute("region"));
            assertEquals(List.of("20001"), user.attribute("postal_code"));
            assertEquals(List.of("1 Main St\nApt 2\nWashington, DC 20001"), user.attribute("formatted"));
        }

        @Test
        void the_null_address_of_an_expired_login_gov_session_keeps_every_part() {
            StoredUser user = update(storedAddress(), Contexts.expiredLoginGovSession());
            assertEquals(0, user.writes);
            assertEquals(storedAddress().attributes, user.attributes);
        }

        @Test
        void no_address_at_an_auth_only_sign_in_keeps_every_part() {
            StoredUser user = update(storedAddress(), Contexts.withIdToken(Map.of("email", "a@example.gov")));
            assertEquals(0, user.writes);
        }

        @Test
        void a_part_absent_null_or_blank_keeps_that_part_and_the_others_are_replaced() {
            Map<String, Object> partial = new HashMap<>(address());
            partial.remove("formatted");
            partial.put("region", null);
            partial.put("postal_code", " ");
            StoredUser user = update(storedAddress(), Contexts.withIdToken(Map.of("address", partial)));
            assertEquals(List.of("Washington"), user.attribute("locality"));
            assertEquals(List.of("MD"), user.attribute("region"));
            assertEquals(List.of("21201"), user.attribute("postal_code"));
            assertEquals(List.of("9 Old Rd\nBaltimore, MD 21201"), user.attribute("formatted"));
        }

        @Test
        void the_same_address_writes_nothing() {
            StoredUser user = StoredUser.with(
                    "street", "1 Main St\nApt 2",
                    "locality", "Washington",
                    "region", "DC",
                    "postal_code", "20001",
                    "formatted", "1 Main St\nApt 2\nWashington, DC 20001");
            assertEquals(0, update(user, Contexts.withUserInfo(USERINFO)).writes);
        }
    }
}
