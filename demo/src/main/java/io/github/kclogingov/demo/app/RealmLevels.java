package io.github.kclogingov.demo.app;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The level names a realm export offers: the keys of its ACR-to-LoA map, lowest level first. */
public final class RealmLevels {
    private RealmLevels() {}

    /**
     * Read from the file the demo imports, so the buttons follow the realm when someone edits it.
     *
     * @throws IOException when the file cannot be read or holds no ACR-to-LoA map
     */
    public static List<String> fromRealmFile(Path realmFile) throws IOException {
        try {
            Map<String, Object> realm = JSONObjectUtils.parse(Files.readString(realmFile));
            Map<String, Object> attributes = JSONObjectUtils.getJSONObject(realm, "attributes");
            String map = attributes == null ? null : JSONObjectUtils.getString(attributes, "acr.loa.map");
            if (map == null) {
                throw new IOException(
                        realmFile + " has no attributes.\"acr.loa.map\" (the realm's ACR to LoA mapping)");
            }
            Map<String, Object> levels = JSONObjectUtils.parse(map);
            return levels.entrySet().stream()
                    .sorted(Comparator.comparingDouble(entry -> number(entry.getValue())))
                    .map(Map.Entry::getKey)
                    .toList();
        } catch (ParseException e) {
            throw new IOException(realmFile + " is not the JSON the demo expects: " + e.getMessage(), e);
        }
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.MAX_VALUE;
    }
}
