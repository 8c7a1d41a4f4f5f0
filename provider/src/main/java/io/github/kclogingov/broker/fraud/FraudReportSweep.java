package io.github.kclogingov.broker.fraud;

import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * On every node, every {@link #INTERVAL_MILLIS}: attempts the reports that are due (a new report
 * whose first attempt did not happen, one waiting after an outage), and deletes the reports that
 * finished longer than {@link FraudReportStore#KEPT_AFTER_FINISHED} ago. Nodes share the work by
 * the reports' leases ({@link FraudReportStore#claim}): a report is attempted by one node at a time.
 * This runs on a timer thread and must never stop, so a failure is one line in the log.
 */
final class FraudReportSweep implements ScheduledTask {

    static final long INTERVAL_MILLIS = 5_000;

    static final String TASK_NAME = "logingov-fraud-report-delivery";

    /** Reports attempted per sweep and node: a backlog drains over several sweeps, in order. */
    static final int BATCH = 20;

    private static final Logger LOG = Logger.getLogger(FraudReportSweep.class);

    private final Clock clock;

    FraudReportSweep(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        try {
            FraudReportStore store = new FraudReportStore(session);
            store.removeExpired(clock.millis());
            List<String> due = store.due(clock.millis(), BATCH);
            FraudReportDelivery delivery = new FraudReportDelivery(session.getKeycloakSessionFactory(), clock);
            for (String id : due) {
                delivery.attempt(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Fraud reports not swept this time: %s", e.getClass().getName());
        }
    }
}
