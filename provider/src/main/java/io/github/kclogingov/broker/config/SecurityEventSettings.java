package io.github.kclogingov.broker.config;

import static io.github.kclogingov.broker.config.SecurityEventAction.DISABLE;
import static io.github.kclogingov.broker.config.SecurityEventAction.ENABLE;
import static io.github.kclogingov.broker.config.SecurityEventAction.END_SESSIONS;
import static io.github.kclogingov.broker.config.SecurityEventAction.LOG;
import static io.github.kclogingov.broker.config.SecurityEventAction.REFRESH_ATTRIBUTES;
import static io.github.kclogingov.broker.config.SecurityEventAction.UNLINK;

import io.github.kclogingov.protocol.SecurityEventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security-event settings of one Login.gov provider, parsed once ({@link SecurityEventSettingsParser}).
 *
 * @param enabled whether the provider's push URL accepts events at all (off by default)
 * @param pushUrl the push URL as shown to the administrator on save, if stored
 * @param actions what to do for each event type that names an account
 */
public record SecurityEventSettings(
        boolean enabled, Optional<String> pushUrl, Map<SecurityEventType, SecurityEventAction> actions) {

    /** Per event type: the choices offered, the first being the default (the safe one). */
    static final Map<SecurityEventType, List<SecurityEventAction>> CHOICES = choices();

    public SecurityEventSettings {
        actions = Map.copyOf(actions);
    }

    /** The action for {@code type}; {@link SecurityEventAction#LOG} for a type that names no account. */
    public SecurityEventAction actionFor(SecurityEventType type) {
        return actions.getOrDefault(type, LOG);
    }

    /** The action for {@code type} when nothing is set. */
    public static SecurityEventAction defaultFor(SecurityEventType type) {
        List<SecurityEventAction> choices = CHOICES.get(type);
        return choices == null ? LOG : choices.get(0);
    }

    /** The actions an administrator may choose for {@code type}, the default first. */
    public static List<SecurityEventAction> choicesFor(SecurityEventType type) {
        return CHOICES.getOrDefault(type, List.of(LOG));
    }

    private static Map<SecurityEventType, List<SecurityEventAction>> choices() {
        Map<SecurityEventType, List<SecurityEventAction>> choices = new EnumMap<>(SecurityEventType.class);
        choices.put(SecurityEventType.ACCOUNT_DISABLED, List.of(DISABLE, END_SESSIONS, LOG));
        choices.put(SecurityEventType.ACCOUNT_ENABLED, List.of(ENABLE, LOG));
        choices.put(SecurityEventType.ACCOUNT_PURGED, List.of(UNLINK, END_SESSIONS, LOG));
        choices.put(SecurityEventType.PASSWORD_RESET, List.of(END_SESSIONS, LOG));
        choices.put(SecurityEventType.RECOVERY_ACTIVATED, List.of(END_SESSIONS, LOG));
        choices.put(SecurityEventType.MFA_LIMIT_ACCOUNT_LOCKED, List.of(END_SESSIONS, LOG));
        choices.put(SecurityEventType.RECOVERY_INFORMATION_CHANGED, List.of(LOG, END_SESSIONS));
        choices.put(SecurityEventType.REPROOF_COMPLETED, List.of(REFRESH_ATTRIBUTES, LOG));
        return Map.copyOf(choices);
    }

    /** The configuration key of {@code type}'s action. */
    public static String actionKey(SecurityEventType type) {
        StringBuilder key = new StringBuilder(ConfigKeys.SECURITY_EVENT_ACTION_PREFIX);
        for (String word : type.shortName().split("-")) {
            key.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return key.toString();
    }
}
