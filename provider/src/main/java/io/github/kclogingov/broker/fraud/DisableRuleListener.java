package io.github.kclogingov.broker.fraud;

import io.github.kclogingov.broker.common.AdminUserUpdate;
import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.protocol.FraudEventType;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The optional rule: when an admin's update leaves a user disabled with a fraud reason stated in
 * the attribute {@value #REASON_ATTRIBUTE}, each Login.gov provider of the user's links that has
 * the rule on ({@code logingovFraudReportOnDisable}) gets a report of that type, once per user,
 * provider and type. The report is stored in the update's transaction and sent by the sweep within
 * seconds ({@link FraudReportSweep}). Keycloak reports every user update to global listeners.
 */
public class DisableRuleListener implements EventListenerProvider {

    /** The user attribute that states why the user is disabled: one of the two event types' short names. */
    public static final String REASON_ATTRIBUTE = "logingov_fraud_reason";

    private static final Logger LOG = Logger.getLogger(DisableRuleListener.class);

    private final KeycloakSession session;

    public DisableRuleListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // Only an administrator's decision triggers the rule.
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AdminUserUpdate.of(session, event)
                .filter(update -> !update.user().isEnabled())
                .ifPresent(update -> FraudEventType.named(update.user().getFirstAttribute(REASON_ATTRIBUTE))
                        .ifPresent(reason -> session.users()
                                .getFederatedIdentitiesStream(update.realm(), update.user())
                                .map(FederatedIdentityModel::getIdentityProvider)
                                .toList()
                                .forEach(alias -> reportThrough(update.realm(), update.user(), alias, reason))));
    }

    private void reportThrough(RealmModel realm, UserModel user, String alias, FraudEventType type) {
        IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
        if (provider == null
                || !ProviderType.ID.equals(provider.getProviderId())
                || !new LoginGovIdentityProviderConfig(provider).fraudReportOnDisable()) {
            return;
        }
        FraudReportStore store = new FraudReportStore(session);
        if (store.automated(realm.getId(), user.getId(), alias, type.configValue()) > 0) {
            return;
        }
        try {
            FraudReportEntity report = FraudReports.create(
                    session,
                    realm,
                    user,
                    type,
                    Optional.of(alias),
                    Optional.empty(),
                    FraudReportView.AUTOMATION,
                    Clock.systemUTC());
            LOG.infof(
                    "Fraud report %s (%s, provider '%s') made by the disable rule for user %s",
                    report.getId(), type.configValue(), alias, user.getId());
        } catch (FraudReportRefusal refused) {
            LOG.warnf(
                    "The disable rule of provider '%s' made no fraud report for user %s: %s",
                    alias, user.getId(), refused.getMessage());
        }
    }

    @Override
    public void close() {}
}
