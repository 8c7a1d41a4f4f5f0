package io.github.kclogingov.broker.signals;

import io.github.kclogingov.protocol.SecurityEventType;
import java.util.Optional;

/**
 * A verified Security Event Token, reduced to what the receiver acts on.
 *
 * @param jti the token's unique identifier, the replay key
 * @param expiresAt its {@code exp}, in epoch seconds: how long the replay key is kept
 * @param type the event, if it is one Login.gov documents; empty for an unknown event URI
 * @param subject whom it is about
 */
record SecurityEvent(String jti, long expiresAt, Optional<SecurityEventType> type, EventSubject subject) {

    /** The event's name for events and logs: its short name, or {@code unknown}. */
    String typeName() {
        return type.map(SecurityEventType::shortName).orElse("unknown");
    }
}
