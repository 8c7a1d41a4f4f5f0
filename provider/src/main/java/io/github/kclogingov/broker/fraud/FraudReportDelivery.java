package io.github.kclogingov.broker.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.broker.metrics.FraudReportMeter;
import io.github.kclogingov.broker.signin.ClientAssertionKey;
import io.github.kclogingov.broker.signin.LoginGovBusyException;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException;
import io.github.kclogingov.broker.signin.SecurityEventPost;
import io.github.kclogingov.protocol.PartnerSecurityEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * One delivery attempt of one report, by whichever node holds its lease, in three steps with a
 * transaction each: take the lease and sign the token (committed, so that every other node sees the
 * lease), send it with no database connection held, and record Login.gov's answer and release the
 * lease. A node that stops between the first and the last step leaves the lease to run out
 * ({@link #LEASE}); another node then sends the report again, with the same {@code jti}.
 */
final class FraudReportDelivery {

    /** Longer than any call can last (at most 30 s to connect and 60 s to read, by the settings' limits). */
    static final Duration LEASE = Duration.ofMinutes(3);

    private static final Logger LOG = Logger.getLogger(FraudReportDelivery.class);

    private final KeycloakSessionFactory factory;
    private final Clock clock;

    FraudReportDelivery(KeycloakSessionFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /** What the first step prepared: the signed token and where it goes, or why nothing is sent. */
    private record Prepared(
            int attempt, String url, String token, LoginGovSettings settings, DeliveryOutcome notSent) {}

    /**
     * Attempts the report unless it is finished, not due, or held by a node (this one included).
     *
     * @return its state after the attempt; empty when no attempt was made
     */
    Optional<FraudReportState> attempt(String reportId) {
        Prepared prepared =
                KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> prepare(session, reportId));
        if (prepared == null) {
            return Optional.empty();
        }
        DeliveryOutcome outcome = prepared.notSent() != null
                ? prepared.notSent()
                : KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> send(session, prepared));
        return Optional.ofNullable(KeycloakModelUtils.runJobInTransactionWithResult(
                factory, session -> record(session, reportId, prepared.attempt(), outcome)));
    }

    private Prepared prepare(KeycloakSession session, String reportId) {
        FraudReportStore store = new FraudReportStore(session);
        long now = clock.millis();
        if (!store.claim(reportId, now, now + LEASE.toMillis())) {
            return null;
        }
        FraudReportEntity report = store.find(reportId).orElse(null);
        if (report == null) {
            return null;
        }
        int attempt = report.getAttempts() + 1;
        RealmModel realm = session.realms().getRealm(report.getRealmId());
        if (realm == null) {
            return new Prepared(attempt, null, null, null, DeliveryOutcome.cannotBeSent("The realm was removed."));
        }
        session.getContext().setRealm(realm);
        IdentityProviderModel provider = session.identityProviders().getByAlias(report.getAlias());
        if (provider == null) {
            return new Prepared(
                    attempt,
                    null,
                    null,
                    null,
                    DeliveryOutcome.cannotBeSent("The provider '" + report.getAlias() + "' was removed before the"
                            + " report could be delivered: it has no key to sign the report with any more."));
        }
        try {
            LoginGovSettings settings = FraudReportTarget.settingsOf(provider);
            String token = new JWSBuilder()
                    .type(PartnerSecurityEvents.TYPE)
                    .content(report.getClaims().getBytes(StandardCharsets.UTF_8))
                    .sign(ClientAssertionKey.signer(session, realm, settings.signingKeyId()));
            return new Prepared(attempt, audience(report.getClaims()), token, settings, null);
        } catch (FraudReportRefusal | LoginGovLoginException unusable) {
            return new Prepared(
                    attempt, null, null, null, DeliveryOutcome.notSent("Not sent: " + unusable.getMessage()));
        }
    }

    private static DeliveryOutcome send(KeycloakSession session, Prepared prepared) {
        try {
            SecurityEventPost.Answer answer = SecurityEventPost.post(
                    session,
                    prepared.url(),
                    prepared.token(),
                    prepared.settings().timeouts());
            return DeliveryOutcome.ofAnswer(answer.status(), answer.body(), prepared.attempt());
        } catch (LoginGovBusyException busy) {
            return DeliveryOutcome.busy(busy.waitTime());
        } catch (LoginGovUnavailableException unavailable) {
            return DeliveryOutcome.noAnswer(unavailable.getMessage());
        } catch (LoginGovLoginException tooLong) {
            return DeliveryOutcome.noAnswer("Login.gov's answer was longer than any it gives.");
        }
    }

    private FraudReportState record(KeycloakSession session, String reportId, int attempt, DeliveryOutcome outcome) {
        FraudReportEntity report = new FraudReportStore(session).find(reportId).orElse(null);
        if (report == null) {
            return null;
        }
        long now = clock.millis();
        report.setAttempts(attempt);
        report.setLastAttemptAt(now);
        report.setLastStatus(outcome.status().orElse(null));
        report.setLastProblem(outcome.problem().orElse(null));
        report.setLoginGovErr(outcome.err().orElse(null));
        report.setLoginGovDescription(outcome.description().orElse(null));
        report.setLeaseUntil(0);
        FraudReportState state = outcome.state();
        if (state == FraudReportState.RETRYING) {
            Duration delay = RetrySchedule.delayAfter(attempt);
            Duration wait = outcome.waitAtLeast()
                    .filter(asked -> asked.compareTo(delay) > 0)
                    .orElse(delay);
            report.setNextAttemptAt(now + wait.toMillis());
            if (RetrySchedule.givenUp(report.getCreatedAt(), report.getNextAttemptAt())) {
                state = FraudReportState.EXPIRED;
                report.setLastProblem(outcome.problem().orElse("") + " No attempt was answered within "
                        + RetrySchedule.GIVE_UP_AFTER.toDays() + " days: the report was given up.");
            }
        }
        report.setState(state.name());
        if (state.finished()) {
            report.setFinishedAt(now);
        }
        RealmModel realm = session.realms().getRealm(report.getRealmId());
        FraudReportMeter.attempted(
                realm == null ? report.getRealmId() : realm.getName(),
                report.getAlias(),
                report.getEventType(),
                state.name().toLowerCase(java.util.Locale.ROOT));
        LOG.infof(
                "Fraud report %s (%s, provider '%s'), attempt %d: %s%s",
                report.getId(),
                report.getEventType(),
                report.getAlias(),
                attempt,
                state,
                outcome.problem().map(problem -> " - " + problem).orElse(""));
        return state;
    }

    /** Where the report goes: the {@code aud} it was written for. */
    private static String audience(String claims) {
        try {
            JsonNode aud = JsonSerialization.readValue(claims, JsonNode.class).get("aud");
            return aud.asText();
        } catch (IOException e) {
            throw new IllegalStateException("a stored report's claims are not JSON", e);
        }
    }
}
