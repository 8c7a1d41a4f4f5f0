package io.github.kclogingov.broker.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings parsed from each stored configuration, shared by the whole node. Keycloak builds a
 * new provider, and a new configuration object, for every request; without this, a sign-in (the
 * redirect to Login.gov, then its answer) would parse the same settings twice, and every page of
 * the login flow again. The key is the whole stored configuration, so an edit, on this node or
 * another, is a new key and is parsed afresh; a configuration that cannot be parsed is never kept.
 * Bounded: at most {@link #MAX_ENTRIES} configurations, emptied when full.
 */
final class ParsedSettingsCache {

    static final int MAX_ENTRIES = 256;

    private static final Map<Map<String, String>, LoginGovSettings> PARSED = new ConcurrentHashMap<>();

    private ParsedSettingsCache() {}

    /** @throws InvalidSettingsException as {@link SettingsParser#parse(Map)} does; nothing is kept then */
    static LoginGovSettings parse(Map<String, String> raw) {
        LoginGovSettings known = PARSED.get(raw);
        if (known != null) {
            return known;
        }
        LoginGovSettings parsed = SettingsParser.parse(raw);
        if (PARSED.size() >= MAX_ENTRIES) {
            PARSED.clear();
        }
        PARSED.put(Collections.unmodifiableMap(new HashMap<>(raw)), parsed);
        return parsed;
    }

    static int size() {
        return PARSED.size();
    }
}
