package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.AuthenticationAssurance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionTextTest {

    @Test
    void a_note_is_not_part_of_the_value() {
        assertEquals(
                "http://idmanagement.gov/ns/assurance/ial/1",
                OptionText.valueOf(OptionText.of("http://idmanagement.gov/ns/assurance/ial/1", "legacy")));
        assertEquals("urn:acr.login.gov:verified", OptionText.valueOf(" urn:acr.login.gov:verified "));
        assertNull(OptionText.valueOf(null));
    }

    @Test
    void the_ial_list_offers_the_current_values_first_and_marks_every_legacy_uri() {
        List<String> options = ConfigForm.ialOptions();
        assertEquals("urn:acr.login.gov:auth-only", options.get(0));
        assertEquals(
                4,
                options.stream().filter(o -> o.startsWith("urn:acr.login.gov:")).count());
        options.stream()
                .filter(o -> o.startsWith("http://"))
                .forEach(o -> assertTrue(o.endsWith("(legacy)") || o.contains("IALMAX"), o));
        assertTrue(options.indexOf("urn:acr.login.gov:verified-facial-match-preferred")
                < options.indexOf("http://idmanagement.gov/ns/assurance/ial/1 (legacy)"));
    }

    @Test
    void the_aal_list_has_no_blank_row_and_starts_with_login_gov_s_default() {
        List<String> options = ConfigForm.aalOptions();
        assertFalse(options.stream().anyMatch(String::isBlank));
        assertEquals(ConfigForm.AAL_LOGIN_GOV_DEFAULT, OptionText.valueOf(options.get(0)));
        assertTrue(options.contains("http://idmanagement.gov/ns/assurance/aal/3 (legacy)"));
    }

    @Test
    void every_option_of_both_lists_is_accepted_as_stored_by_the_console() {
        for (String ial : ConfigForm.ialOptions()) {
            Map<String, String> raw = SettingsParserTest.minimal();
            raw.put(ConfigKeys.IAL, ial);
            assertEquals(
                    OptionText.valueOf(ial),
                    SettingsParser.parse(raw).defaultLevel().ialValue(),
                    ial);
        }
        for (String aal : ConfigForm.aalOptions()) {
            Map<String, String> raw = SettingsParserTest.minimal();
            raw.put(ConfigKeys.AAL, aal);
            AuthenticationAssurance parsed =
                    SettingsParser.parse(raw).defaultLevel().aal();
            if (aal.startsWith(ConfigForm.AAL_LOGIN_GOV_DEFAULT)) {
                assertNull(parsed, "Login.gov's default sends no AAL value");
            } else {
                assertEquals(
                        AuthenticationAssurance.fromValue(OptionText.valueOf(aal))
                                .orElseThrow(),
                        parsed,
                        aal);
            }
        }
    }
}
