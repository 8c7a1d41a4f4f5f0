package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecurityEventTypeTest {

    @Test
    void each_type_is_found_by_its_exact_uri_only() {
        for (SecurityEventType type : SecurityEventType.values()) {
            assertEquals(type, SecurityEventType.fromUri(type.uri()).orElseThrow());
            assertTrue(SecurityEventType.fromUri(type.uri() + "/").isEmpty());
            assertTrue(SecurityEventType.fromUri(type.uri().toUpperCase()).isEmpty());
        }
        assertTrue(SecurityEventType.fromUri(null).isEmpty());
    }

    @Test
    void login_gov_own_types_live_in_its_namespace() {
        assertEquals(
                "https://schemas.login.gov/secevent/risc/event-type/password-reset",
                SecurityEventType.PASSWORD_RESET.uri());
        assertEquals(
                "https://schemas.openid.net/secevent/risc/event-type/account-disabled",
                SecurityEventType.ACCOUNT_DISABLED.uri());
        assertEquals(
                "https://schemas.login.gov/secevent/risc/event-type/mfa-limit-account-locked",
                SecurityEventType.MFA_LIMIT_ACCOUNT_LOCKED.uri());
    }

    @Test
    void short_names_are_the_last_segment_and_unique() {
        assertEquals("recovery-information-changed", SecurityEventType.RECOVERY_INFORMATION_CHANGED.shortName());
        assertEquals(
                SecurityEventType.values().length,
                Arrays.stream(SecurityEventType.values())
                        .map(SecurityEventType::shortName)
                        .distinct()
                        .count());
    }

    @Test
    void only_the_identifier_events_name_an_email() {
        for (SecurityEventType type : SecurityEventType.values()) {
            boolean email =
                    type == SecurityEventType.IDENTIFIER_CHANGED || type == SecurityEventType.IDENTIFIER_RECYCLED;
            assertEquals(
                    email ? SecurityEventType.SubjectKind.EMAIL : SecurityEventType.SubjectKind.ACCOUNT,
                    type.subjectKind());
        }
    }
}
