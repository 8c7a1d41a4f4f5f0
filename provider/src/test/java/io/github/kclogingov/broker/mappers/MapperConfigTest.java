package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderMapperModel;

/** Tests how a Login.gov mapper reads its stored settings: trimmed, blank as unset, a missing attribute as its default. */
class MapperConfigTest {

    static MapperConfig config(Map<String, String> values) {
        IdentityProviderMapperModel model = new IdentityProviderMapperModel();
        model.setConfig(values);
        return MapperConfig.of(model);
    }

    static MapperConfig config(String key, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(key, value);
        return config(values);
    }

    @Nested
    class Value {
        @Test
        void a_setting_is_trimmed() {
            assertEquals("given_name", config("claim", "  given_name\t").value("claim"));
            assertEquals("given name", config("claim", "\u2003given name\n").value("claim"));
        }

        @Test
        void a_setting_as_written_is_kept() {
            assertEquals("given_name", config("claim", "given_name").value("claim"));
        }

        @Test
        void a_blank_setting_is_unset() {
            assertNull(config("claim", "").value("claim"));
            assertNull(config("claim", " \t\n").value("claim"));
            assertNull(config("claim", null).value("claim"));
        }

        @Test
        void a_missing_setting_is_unset() {
            assertNull(config(Map.of("claim", "email")).value("user.attribute"));
        }

        @Test
        void a_mapper_without_a_config_map_has_no_settings() {
            assertNull(config(null).value("claim"));
        }
    }

    @Nested
    class AttributeOrDefault {
        @Test
        void a_missing_key_gives_the_default() {
            assertEquals("email", config(Map.of("claim", "email")).attributeOrDefault("user.attribute", "email"));
        }

        @Test
        void a_mapper_without_a_config_map_gives_the_default() {
            assertEquals("email", config(null).attributeOrDefault("user.attribute", "email"));
        }

        @Test
        void a_set_attribute_is_trimmed() {
            assertEquals(
                    "loginGovEmail",
                    config("user.attribute", " loginGovEmail ").attributeOrDefault("user.attribute", "email"));
        }

        @Test
        void a_blank_attribute_is_none_on_purpose() {
            assertNull(config("user.attribute", "").attributeOrDefault("user.attribute", "email"));
            assertNull(config("user.attribute", "   ").attributeOrDefault("user.attribute", "email"));
            assertNull(config("user.attribute", null).attributeOrDefault("user.attribute", "email"));
        }
    }
}
