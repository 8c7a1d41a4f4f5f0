package io.github.kclogingov.broker.fraud;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The fraud reports' table, read and written in the session's transaction. */
final class FraudReportStore {

    /** How long a retention lasts after a report finished: then its row, and the sub in it, are deleted. */
    static final Duration KEPT_AFTER_FINISHED = Duration.ofDays(90);

    private final EntityManager em;

    FraudReportStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void add(FraudReportEntity report) {
        em.persist(report);
    }

    Optional<FraudReportEntity> find(String realmId, String id) {
        FraudReportEntity report = em.find(FraudReportEntity.class, id);
        return report != null && report.getRealmId().equals(realmId) ? Optional.of(report) : Optional.empty();
    }

    Optional<FraudReportEntity> find(String id) {
        return Optional.ofNullable(em.find(FraudReportEntity.class, id));
    }

    List<FraudReportEntity> ofUser(String realmId, String userId) {
        return em.createNamedQuery("logingovFraudReportsOfUser", FraudReportEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setMaxResults(200)
                .getResultList();
    }

    /** The ids of reports whose attempt is due and that no node holds, the longest waiting first. */
    List<String> due(long nowMillis, int max) {
        return em.createNamedQuery("logingovFraudReportsDue", String.class)
                .setParameter("states", FraudReportState.UNFINISHED)
                .setParameter("now", nowMillis)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Takes the report for one attempt until {@code untilMillis}, if no node holds it and it is
     * unfinished. One conditional update: of two nodes that try at once, the database lets one
     * change the row and the other finds the lease taken (after the first commits). True when this
     * caller holds it; the caller must commit before it attempts.
     */
    boolean claim(String id, long nowMillis, long untilMillis) {
        return em.createNamedQuery("logingovFraudReportClaim")
                        .setParameter("until", untilMillis)
                        .setParameter("id", id)
                        .setParameter("now", nowMillis)
                        .setParameter("states", FraudReportState.UNFINISHED)
                        .executeUpdate()
                == 1;
    }

    /** How many reports the disable rule made for this user, provider and type: it makes one. */
    long automated(String realmId, String userId, String alias, String eventType) {
        return em.createNamedQuery("logingovFraudReportsAutomated", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("alias", alias)
                .setParameter("eventType", eventType)
                .setParameter("reportedBy", FraudReportView.AUTOMATION)
                .getSingleResult();
    }

    /** A removed user's finished reports; one still under way is delivered first, and kept like any other. */
    void removeFinishedOfUser(String realmId, String userId) {
        em.createNamedQuery("logingovFraudReportsFinishedOfUser")
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("unfinished", FraudReportState.UNFINISHED)
                .executeUpdate();
    }

    void removeOfRealm(String realmId) {
        em.createNamedQuery("logingovFraudReportsOfRealm")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    /** Reports finished longer than {@link #KEPT_AFTER_FINISHED} ago. */
    int removeExpired(long nowMillis) {
        return em.createNamedQuery("logingovFraudReportsFinishedBefore")
                .setParameter("unfinished", FraudReportState.UNFINISHED)
                .setParameter("before", nowMillis - KEPT_AFTER_FINISHED.toMillis())
                .executeUpdate();
    }
}
