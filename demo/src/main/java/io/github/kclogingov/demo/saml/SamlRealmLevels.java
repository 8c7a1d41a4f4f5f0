package io.github.kclogingov.demo.saml;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The levels a realm export offers SAML applications: each name of its ACR-to-LoA map that its
 * ACR-to-URI map ({@code acr.uri.map}, Keycloak 26.7) gives a class ref, lowest level first. Read
 * from the file the demo imports, so the buttons follow the realm when someone edits it.
 */
public final class SamlRealmLevels {
    private SamlRealmLevels() {}

    /** @throws IOException when the file cannot be read or has no level with a class ref */
    public static List<SamlLevel> fromRealmFile(Path realmFile) throws IOException {
        try {
            return fromRealmJson(Files.readString(realmFile));
        } catch (ParseException e) {
            throw new IOException(realmFile + " is not the JSON the demo expects: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(realmFile + ": " + e.getMessage(), e);
        }
    }

    static List<SamlLevel> fromRealmJson(String json) throws ParseException {
        Map<String, Object> attributes = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(json), "attributes");
        String loaMap = attributes == null ? null : JSONObjectUtils.getString(attributes, "acr.loa.map");
        String uriMap = attributes == null ? null : JSONObjectUtils.getString(attributes, "acr.uri.map");
        if (loaMap == null || uriMap == null) {
            throw new IllegalArgumentException("the realm has no attributes \"acr.loa.map\" and \"acr.uri.map\""
                    + " (the ACR to LoA mapping and its URI column)");
        }
        Map<String, Object> loas = JSONObjectUtils.parse(loaMap);
        Map<String, Object> uris = JSONObjectUtils.parse(uriMap);
        List<SamlLevel> levels = loas.entrySet().stream()
                .filter(entry -> uris.get(entry.getKey()) instanceof String)
                .sorted(Comparator.comparingDouble(entry -> number(entry.getValue())))
                .map(entry -> new SamlLevel(entry.getKey(), (String) uris.get(entry.getKey())))
                .toList();
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no level of \"acr.loa.map\" has a URI in \"acr.uri.map\"");
        }
        return levels;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.MAX_VALUE;
    }
}
