package io.github.kclogingov.broker.signals;

import io.github.kclogingov.broker.config.SecurityEventSettings;
import io.github.kclogingov.protocol.SecurityEventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Finds the user a verified event is about, by the federated identity (this provider's alias and
 * Login.gov's {@code sub}) and nothing else, and applies the configured action. A subject that is
 * an email, an unknown event type and a {@code sub} no user is linked to are acknowledged alike.
 */
final class SecurityEventHandler {

    /** What happened, and to whom (Keycloak's user id, or null). */
    record Result(Outcome outcome, String userId) {}

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String alias;
    private final SecurityEventSettings settings;

    SecurityEventHandler(KeycloakSession session, RealmModel realm, String alias, SecurityEventSettings settings) {
        this.session = session;
        this.realm = realm;
        this.alias = alias;
        this.settings = settings;
    }

    Result handle(SecurityEvent event) {
        if (event.type().isEmpty()) {
            return new Result(Outcome.UNKNOWN_EVENT, null);
        }
        SecurityEventType type = event.type().get();
        if (type.subjectKind() == SecurityEventType.SubjectKind.EMAIL
                || event.subject().kind() == EventSubject.Kind.EMAIL) {
            return new Result(Outcome.EMAIL_SUBJECT, null);
        }
        if (event.subject().accountSub().isEmpty()) {
            return new Result(Outcome.UNKNOWN_SUBJECT_FORMAT, null);
        }
        UserModel user = session.users()
                .getUserByFederatedIdentity(
                        realm,
                        new FederatedIdentityModel(
                                alias, event.subject().accountSub().get(), null));
        if (user == null) {
            return new Result(Outcome.NO_LINKED_USER, null);
        }
        Outcome outcome = new AccountActions(session, realm, alias).apply(settings.actionFor(type), user);
        return new Result(outcome, user.getId());
    }
}
