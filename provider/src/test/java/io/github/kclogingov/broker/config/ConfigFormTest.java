package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class ConfigFormTest {

    @Test
    void only_the_settings_written_on_save_are_read_only() {
        List<String> readOnly = ConfigForm.properties().stream()
                .filter(ProviderConfigProperty::isReadOnly)
                .map(ProviderConfigProperty::getName)
                .toList();
        assertEquals(
                List.of(
                        ConfigKeys.LOGOUT_REDIRECT_URI,
                        ConfigKeys.SIGNING_KEY_CERTIFICATE,
                        ConfigKeys.SIGNING_KEY_CERTIFICATE_URL,
                        ConfigKeys.SECURITY_EVENTS_PUSH_URL),
                readOnly);
    }

    @Test
    void the_certificate_settings_follow_the_key_they_describe() {
        List<String> names = ConfigForm.properties().stream()
                .map(ProviderConfigProperty::getName)
                .toList();
        int key = names.indexOf(ConfigKeys.SIGNING_KEY_ID);
        assertEquals(ConfigKeys.SIGNING_KEY_CERTIFICATE, names.get(key + 1));
        assertEquals(ConfigKeys.SIGNING_KEY_CERTIFICATE_URL, names.get(key + 2));
    }
}
