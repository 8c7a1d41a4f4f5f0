package io.github.kclogingov.broker.fraud;

import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.protocol.FraudEventType;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Makes a report: checks whom it is about, writes its token's claims once, and stores it as due now. */
final class FraudReports {

    private FraudReports() {}

    /**
     * Stores a report in {@code session}'s transaction; it is sent once that commits.
     *
     * @param reportedBy the administrator's user id, or {@link FraudReportView#AUTOMATION}
     * @throws FraudReportRefusal when it cannot be made (see {@link FraudReportTarget#of})
     */
    static FraudReportEntity create(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            FraudEventType type,
            Optional<String> alias,
            Optional<Long> occurredAt,
            String reportedBy,
            Clock clock) {
        FraudReportTarget target = FraudReportTarget.of(session, realm, user, alias);
        long now = clock.millis();
        String jti = FraudSetClaims.newJti();
        FraudReportEntity report = new FraudReportEntity();
        report.setId(UUID.randomUUID().toString());
        report.setRealmId(realm.getId());
        report.setUserId(user.getId());
        report.setAlias(target.provider().getAlias());
        report.setEventType(type.configValue());
        report.setJti(jti);
        report.setClaims(FraudSetClaims.json(
                new LoginGovIdentityProviderConfig(target.provider()).getClientId(),
                target.settings().endpoints().issuer(),
                jti,
                now / 1000,
                type,
                target.pairwiseSub(),
                occurredAt));
        report.setState(FraudReportState.PENDING.name());
        report.setReportedBy(reportedBy);
        report.setCreatedAt(now);
        report.setOccurredAt(occurredAt.orElse(null));
        report.setNextAttemptAt(now);
        report.setLeaseUntil(0);
        new FraudReportStore(session).add(report);
        return report;
    }
}
