package io.github.kclogingov.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the admin API answers about partners' security events and the personas they touched. */
final class PartnerEventsAdmin {

    private PartnerEventsAdmin() {}

    /** {@code {"partnerEvents": [...]}}, oldest first, each as {@link ReceivedPartnerEvent#toJson()}. */
    static Map<String, ?> events(SimulatorContext context) {
        List<Map<String, Object>> events = context.recorder.partnerEvents().stream()
                .map(ReceivedPartnerEvent::toJson)
                .toList();
        return Map.of("partnerEvents", events);
    }

    /**
     * {@code {"personas": [{"id", "displayName", "passwordResetRequired", "passwordResetAt"}]}}:
     * {@code passwordResetAt} (ISO-8601) is when a partner's report reset the password, null once a
     * new one was chosen (or never reset).
     */
    static Map<String, ?> personas(SimulatorContext context) {
        List<Map<String, Object>> personas = context.personas().stream()
                .map(persona -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", persona.id());
                    json.put("displayName", persona.displayName());
                    json.put("passwordResetRequired", context.passwordResets.required(persona.id()));
                    json.put(
                            "passwordResetAt",
                            context.passwordResets
                                    .since(persona.id())
                                    .map(Object::toString)
                                    .orElse(null));
                    return json;
                })
                .toList();
        return Map.of("personas", personas);
    }
}
