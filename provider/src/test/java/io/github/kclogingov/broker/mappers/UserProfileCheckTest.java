package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

class UserProfileCheckTest {

    static UPConfig profile(String... declared) {
        UPConfig config = new UPConfig();
        for (String name : declared) {
            config.addOrReplaceAttribute(new UPAttribute(name));
        }
        return config;
    }

    @Test
    void a_declared_attribute_is_kept() {
        assertTrue(UserProfileCheck.isKept(profile("logingov_ssn"), "logingov_ssn"));
    }

    @Test
    void an_undeclared_attribute_is_not_kept_while_unmanaged_attributes_are_disabled() {
        assertFalse(UserProfileCheck.isKept(profile("other"), "logingov_ssn"));
    }

    @ParameterizedTest
    @EnumSource(UnmanagedAttributePolicy.class)
    void any_unmanaged_attribute_policy_keeps_it(UnmanagedAttributePolicy policy) {
        UPConfig config = profile();
        config.setUnmanagedAttributePolicy(policy);
        assertTrue(UserProfileCheck.isKept(config, "logingov_ssn"));
    }

    @Test
    void root_attributes_are_always_kept() {
        for (String root : List.of("username", "email", "firstName", "lastName", "FIRSTNAME", "Email")) {
            assertTrue(UserProfileCheck.isKept(profile(), root), root);
        }
    }

    @Test
    void lists_what_is_not_kept_once_in_order() {
        assertEquals(
                List.of("street", "formatted"),
                UserProfileCheck.notKept(
                        profile("locality", "region", "postal_code"),
                        List.of("street", "locality", "region", "postal_code", "formatted", "street")));
    }

    @Test
    void without_a_configuration_nothing_is_reported() {
        assertEquals(List.of(), UserProfileCheck.notKept(null, List.of("street")));
    }
}
