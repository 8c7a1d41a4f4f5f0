package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.SecurityEventType;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityEventSettingsParserTest {

    @Test
    void events_are_off_by_default_with_the_safe_actions() {
        SecurityEventSettings settings = SecurityEventSettingsParser.parse(Map.of());
        assertFalse(settings.enabled());
        assertEquals(SecurityEventAction.DISABLE, settings.actionFor(SecurityEventType.ACCOUNT_DISABLED));
        assertEquals(SecurityEventAction.ENABLE, settings.actionFor(SecurityEventType.ACCOUNT_ENABLED));
        assertEquals(SecurityEventAction.UNLINK, settings.actionFor(SecurityEventType.ACCOUNT_PURGED));
        assertEquals(SecurityEventAction.END_SESSIONS, settings.actionFor(SecurityEventType.PASSWORD_RESET));
        assertEquals(SecurityEventAction.END_SESSIONS, settings.actionFor(SecurityEventType.RECOVERY_ACTIVATED));
        assertEquals(SecurityEventAction.END_SESSIONS, settings.actionFor(SecurityEventType.MFA_LIMIT_ACCOUNT_LOCKED));
        assertEquals(SecurityEventAction.LOG, settings.actionFor(SecurityEventType.RECOVERY_INFORMATION_CHANGED));
        assertEquals(SecurityEventAction.REFRESH_ATTRIBUTES, settings.actionFor(SecurityEventType.REPROOF_COMPLETED));
        assertEquals(SecurityEventAction.LOG, settings.actionFor(SecurityEventType.IDENTIFIER_CHANGED));
    }

    @Test
    void each_action_is_set_per_event_by_a_camel_case_key() {
        assertEquals("logingovOnAccountDisabled", SecurityEventSettings.actionKey(SecurityEventType.ACCOUNT_DISABLED));
        SecurityEventSettings settings = SecurityEventSettingsParser.parse(Map.of(
                ConfigKeys.SECURITY_EVENTS,
                "true",
                "logingovOnPasswordReset",
                "log-only",
                "logingovOnRecoveryInformationChanged",
                "sign-out"));
        assertTrue(settings.enabled());
        assertEquals(SecurityEventAction.LOG, settings.actionFor(SecurityEventType.PASSWORD_RESET));
        assertEquals(
                SecurityEventAction.END_SESSIONS, settings.actionFor(SecurityEventType.RECOVERY_INFORMATION_CHANGED));
    }

    @Test
    void an_action_an_event_does_not_offer_is_refused_with_the_choices() {
        InvalidSettingsException refusal = assertThrows(
                InvalidSettingsException.class,
                () -> SecurityEventSettingsParser.parse(Map.of("logingovOnAccountEnabled", "disable-and-sign-out")));
        assertTrue(refusal.getMessage().contains("enable, log-only"), refusal.getMessage());
        assertThrows(
                InvalidSettingsException.class,
                () -> SecurityEventSettingsParser.parse(Map.of(ConfigKeys.SECURITY_EVENTS, "yes")));
    }

    @Test
    void the_push_url_is_under_the_realm_resource() {
        assertEquals(
                "https://sso.agency.gov/auth/realms/my%20realm/logingov/logingov-sandbox/security-events",
                PushUrl.of(URI.create("https://sso.agency.gov/auth/"), "my realm", "logingov-sandbox"));
    }

    @Test
    void the_form_ends_with_the_security_event_block() {
        var names = ConfigForm.properties().stream().map(p -> p.getName()).toList();
        int first = names.indexOf(ConfigKeys.SECURITY_EVENTS);
        assertTrue(first > 0);
        // The switch, the push URL, the disable rule of the fraud reports, and one action per event type.
        assertEquals(names.size() - first, 3 + SecurityEventSettings.CHOICES.size());
        assertEquals(ConfigKeys.FRAUD_REPORT_ON_DISABLE, names.get(first + 2));
        assertTrue(names.stream().noneMatch(name -> name.contains(".")));
    }
}
