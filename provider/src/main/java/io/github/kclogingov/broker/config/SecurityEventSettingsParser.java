package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.common.Blank;
import io.github.kclogingov.protocol.SecurityEventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the security-event settings from the raw configuration map, apart from {@link
 * SettingsParser} so that the receiver's settings stay one block. A value that cannot work stops
 * the parse with a message naming the setting and the accepted values.
 */
public final class SecurityEventSettingsParser {

    private SecurityEventSettingsParser() {}

    /** @throws InvalidSettingsException naming the first setting that cannot work */
    public static SecurityEventSettings parse(Map<String, String> raw) {
        Map<SecurityEventType, SecurityEventAction> actions = new EnumMap<>(SecurityEventType.class);
        for (SecurityEventType type : SecurityEventSettings.CHOICES.keySet()) {
            actions.put(type, action(raw, type));
        }
        return new SecurityEventSettings(
                enabled(raw),
                Optional.ofNullable(Blank.toNull(raw.get(ConfigKeys.SECURITY_EVENTS_PUSH_URL)))
                        .map(String::trim),
                actions);
    }

    private static boolean enabled(Map<String, String> raw) {
        String value = Blank.toNull(raw.get(ConfigKeys.SECURITY_EVENTS));
        if (value == null || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidSettingsException("Login.gov security events must be true or false, not '" + value + "'.");
    }

    private static SecurityEventAction action(Map<String, String> raw, SecurityEventType type) {
        String value = Blank.toNull(raw.get(SecurityEventSettings.actionKey(type)));
        if (value == null) {
            return SecurityEventSettings.defaultFor(type);
        }
        List<SecurityEventAction> choices = SecurityEventSettings.choicesFor(type);
        return SecurityEventAction.fromConfigValue(value)
                .filter(choices::contains)
                .orElseThrow(() -> new InvalidSettingsException("The action for Login.gov's " + type.shortName()
                        + " event must be one of "
                        + String.join(
                                ", ",
                                choices.stream()
                                        .map(SecurityEventAction::configValue)
                                        .toList())
                        + ", not '" + value + "'."));
    }
}
