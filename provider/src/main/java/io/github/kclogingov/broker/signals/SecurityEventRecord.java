package io.github.kclogingov.broker.signals;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Records each security event as a Keycloak event. Keycloak 26.7's event types are a closed enum
 * without a custom type, so the event is an {@link EventType#IDENTITY_PROVIDER_RESPONSE} (something
 * the identity provider sent) with these details: the provider alias, the event's short name, its
 * {@code jti} and the action taken. Never the subject: no {@code sub}, no email, no claim; the
 * user is Keycloak's own user id. Keycloak saves this type only where the realm lists it among the
 * saved event types (the shipped realm does).
 */
final class SecurityEventRecord {

    static final EventType TYPE = EventType.IDENTITY_PROVIDER_RESPONSE;
    static final String EVENT = "logingov_event";
    static final String JTI = "logingov_jti";
    static final String ACTION = "logingov_action";

    private SecurityEventRecord() {}

    static void record(
            KeycloakSession session,
            RealmModel realm,
            String alias,
            SecurityEvent event,
            Outcome outcome,
            String userId) {
        EventBuilder builder = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(TYPE)
                .detail(Details.IDENTITY_PROVIDER, alias)
                .detail(EVENT, event.typeName())
                .detail(JTI, event.jti())
                .detail(ACTION, outcome.detail());
        if (userId != null) {
            builder.user(userId);
        }
        builder.success();
    }
}
