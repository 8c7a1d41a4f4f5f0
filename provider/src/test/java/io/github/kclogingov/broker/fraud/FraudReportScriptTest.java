package io.github.kclogingov.broker.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.protocol.FraudEventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The admin theme's fraud report panel holds its own copies of three provider facts (a theme script
 * cannot import them): the event types it offers, the report states it shows, and the provider type
 * it recognises a Login.gov link by. They must stay equal to the provider's, or the panel would
 * offer a type the API refuses, show a new state blank, or never show at all.
 */
class FraudReportScriptTest {

    private static final String SCRIPT = "theme/logingov/admin/resources/js/logingov-fraud-reports.js";

    @Test
    void the_panel_offers_exactly_the_event_types_login_gov_accepts() throws IOException {
        assertEquals(
                Arrays.stream(FraudEventType.values())
                        .map(FraudEventType::configValue)
                        .collect(Collectors.toCollection(TreeSet::new)),
                keysOf("EVENT_TYPES"));
    }

    @Test
    void the_panel_labels_every_report_state() throws IOException {
        assertEquals(
                Arrays.stream(FraudReportState.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                keysOf("STATE_LABELS"));
    }

    @Test
    void the_panel_recognises_a_login_gov_link_by_the_providers_type() throws IOException {
        assertTrue(script().contains("const LOGIN_GOV_TYPE = \"" + ProviderType.ID + "\";"));
    }

    /** The top-level keys of the object literal {@code const name = { ... };}. */
    private static Set<String> keysOf(String name) throws IOException {
        String script = script();
        int start = script.indexOf("const " + name + " = {");
        assertTrue(start >= 0, "the script defines " + name);
        int end = script.indexOf("\n};", start);
        String body = script.substring(start, end);
        Set<String> keys = new TreeSet<>();
        // Keys start a line indented by two spaces: "  key: {" or "  \"key\": {".
        Matcher key = Pattern.compile("(?m)^  \"?([A-Za-z-]+)\"?: \\{").matcher(body);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    private static String script() throws IOException {
        try (InputStream in = FraudReportScriptTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertNotNull(in, SCRIPT + " is packaged with the provider");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
