package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParsedSettingsCacheTest {

    /** A configuration no other test uses, so that what this test sees is its own doing. */
    private static Map<String, String> ownConfiguration() {
        Map<String, String> raw = SettingsParserTest.minimal();
        raw.put(ConfigKeys.CLIENT_ID, "urn:gov:test:" + UUID.randomUUID());
        return raw;
    }

    @Test
    void the_same_stored_configuration_is_parsed_once() {
        Map<String, String> raw = ownConfiguration();
        LoginGovSettings first = ParsedSettingsCache.parse(raw);
        assertSame(first, ParsedSettingsCache.parse(Map.copyOf(raw)), "an equal map is the same configuration");
    }

    @Test
    void an_edit_is_parsed_afresh_and_the_cached_key_cannot_be_changed_from_outside() {
        Map<String, String> raw = ownConfiguration();
        LoginGovSettings before = ParsedSettingsCache.parse(raw);
        raw.put(ConfigKeys.REAUTHENTICATION, "true");
        LoginGovSettings after = ParsedSettingsCache.parse(raw);

        assertNotSame(before, after);
        assertEquals(false, before.reauthenticationAllowed());
        assertEquals(true, after.reauthenticationAllowed());
        raw.remove(ConfigKeys.REAUTHENTICATION);
        assertSame(before, ParsedSettingsCache.parse(raw), "the first configuration's key was copied, not shared");
    }

    @Test
    void a_configuration_that_cannot_work_is_refused_every_time_and_never_kept() {
        Map<String, String> raw = ownConfiguration();
        raw.put(ConfigKeys.REAUTHENTICATION, "maybe");
        assertThrows(InvalidSettingsException.class, () -> ParsedSettingsCache.parse(raw));
        assertThrows(InvalidSettingsException.class, () -> ParsedSettingsCache.parse(raw));
    }

    @Test
    void it_stays_bounded() {
        for (int i = 0; i < ParsedSettingsCache.MAX_ENTRIES + 10; i++) {
            ParsedSettingsCache.parse(ownConfiguration());
        }
        assertTrue(ParsedSettingsCache.size() <= ParsedSettingsCache.MAX_ENTRIES);
    }
}
