package io.github.kclogingov.broker.fraud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One fraud report, as its table row ({@code META-INF/logingov-fraud-reports-changelog.xml}). Times
 * are milliseconds since the epoch, {@code occurredAt} seconds as in the token. The token's claims
 * are kept as sent the first time, so that every attempt sends the same {@code jti} and subject.
 * The lease ({@code leaseUntil}) is how one node at a time attempts a delivery ({@link FraudReportStore#claim}).
 * (Over 250 lines only because JPA wants a field and a getter and setter per column: no logic lives here.)
 */
@Entity
@Table(name = "LOGINGOV_FRAUD_REPORT")
@NamedQueries({
    @NamedQuery(
            name = "logingovFraudReportsOfUser",
            query = "select r from FraudReportEntity r where r.realmId = :realmId and r.userId = :userId"
                    + " order by r.createdAt desc"),
    @NamedQuery(
            name = "logingovFraudReportsDue",
            query = "select r.id from FraudReportEntity r where r.state in :states and r.nextAttemptAt <= :now"
                    + " and r.leaseUntil < :now order by r.nextAttemptAt"),
    @NamedQuery(
            name = "logingovFraudReportClaim",
            query = "update FraudReportEntity r set r.leaseUntil = :until where r.id = :id and r.leaseUntil < :now"
                    + " and r.state in :states"),
    @NamedQuery(
            name = "logingovFraudReportsAutomated",
            query = "select count(r) from FraudReportEntity r where r.realmId = :realmId and r.userId = :userId"
                    + " and r.alias = :alias and r.eventType = :eventType and r.reportedBy = :reportedBy"),
    @NamedQuery(
            name = "logingovFraudReportsFinishedOfUser",
            query = "delete from FraudReportEntity r where r.realmId = :realmId and r.userId = :userId"
                    + " and r.state not in :unfinished"),
    @NamedQuery(
            name = "logingovFraudReportsOfRealm",
            query = "delete from FraudReportEntity r where r.realmId = :realmId"),
    @NamedQuery(
            name = "logingovFraudReportsFinishedBefore",
            query = "delete from FraudReportEntity r where r.state not in :unfinished and r.finishedAt < :before")
})
public class FraudReportEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "PROVIDER_ALIAS", length = 255, nullable = false)
    private String alias;

    @Column(name = "EVENT_TYPE", length = 64, nullable = false)
    private String eventType;

    @Column(name = "JTI", length = 64, nullable = false)
    private String jti;

    @Column(name = "CLAIMS", length = 4000, nullable = false)
    private String claims;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "REPORTED_BY", length = 36, nullable = false)
    private String reportedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "OCCURRED_AT")
    private Long occurredAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "LAST_ATTEMPT_AT")
    private Long lastAttemptAt;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    @Column(name = "LAST_STATUS")
    private Integer lastStatus;

    @Column(name = "LAST_PROBLEM", length = 1000)
    private String lastProblem;

    @Column(name = "LOGINGOV_ERR", length = 64)
    private String loginGovErr;

    @Column(name = "LOGINGOV_DESCRIPTION", length = 1000)
    private String loginGovDescription;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getJti() {
        return jti;
    }

    public void setJti(String jti) {
        this.jti = jti;
    }

    public String getClaims() {
        return claims;
    }

    public void setClaims(String claims) {
        this.claims = claims;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public void setReportedBy(String reportedBy) {
        this.reportedBy = reportedBy;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(Long occurredAt) {
        this.occurredAt = occurredAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Long getLastAttemptAt() {
        return lastAttemptAt;
    }

    public void setLastAttemptAt(Long lastAttemptAt) {
        this.lastAttemptAt = lastAttemptAt;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public long getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public Long getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Long finishedAt) {
        this.finishedAt = finishedAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public void setLastStatus(Integer lastStatus) {
        this.lastStatus = lastStatus;
    }

    public String getLastProblem() {
        return lastProblem;
    }

    public void setLastProblem(String lastProblem) {
        this.lastProblem = lastProblem;
    }

    public String getLoginGovErr() {
        return loginGovErr;
    }

    public void setLoginGovErr(String loginGovErr) {
        this.loginGovErr = loginGovErr;
    }

    public String getLoginGovDescription() {
        return loginGovDescription;
    }

    public void setLoginGovDescription(String loginGovDescription) {
        this.loginGovDescription = loginGovDescription;
    }
}
