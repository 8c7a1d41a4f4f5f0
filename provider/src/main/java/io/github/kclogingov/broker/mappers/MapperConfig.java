package io.github.kclogingov.broker.mappers;

import io.github.kclogingov.broker.common.Blank;
import java.util.Map;
import org.keycloak.models.IdentityProviderMapperModel;

/** A Login.gov mapper's stored settings, read one way by every Login.gov mapper. */
final class MapperConfig {

    private final Map<String, String> values;

    private MapperConfig(Map<String, String> values) {
        this.values = values;
    }

    static MapperConfig of(IdentityProviderMapperModel mapperModel) {
        return new MapperConfig(mapperModel.getConfig() == null ? Map.of() : mapperModel.getConfig());
    }

    /** A setting, trimmed; null when it is not set or blank. */
    String value(String key) {
        String value = Blank.toNull(values.get(key));
        return value == null ? null : value.strip();
    }

    /**
     * A user attribute name: {@code defaultName} when the key is missing (a mapper saved before
     * the setting existed), none when the administrator emptied it on purpose.
     */
    String attributeOrDefault(String key, String defaultName) {
        return values.containsKey(key) ? value(key) : defaultName;
    }
}
