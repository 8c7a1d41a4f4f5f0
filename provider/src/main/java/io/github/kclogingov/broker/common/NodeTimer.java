package io.github.kclogingov.broker.common;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/** This node's timer: a task run every interval, each run in a transaction of its own, under its own name. */
public final class NodeTimer {

    private NodeTimer() {}

    /** Call once the database is ready (at Keycloak's {@code PostMigrationEvent}). */
    public static void schedule(KeycloakSessionFactory factory, ScheduledTask task, long intervalMillis) {
        KeycloakModelUtils.runJobInTransaction(
                factory,
                session -> session.getProvider(TimerProvider.class)
                        .schedule(new ScheduledTaskRunner(factory, task), intervalMillis, task.getTaskName()));
    }
}
