package io.github.kclogingov.broker.fraud;

import io.github.kclogingov.broker.common.NodeTimer;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Gives Keycloak the fraud reports' entity and the change log that creates its table, in Keycloak's
 * own database: a report survives a restart, and every node of a cluster sees the same reports.
 */
public class FraudReportTable implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String ID = "logingov-fraud-reports";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(FraudReportEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/logingov-fraud-reports-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    /**
     * Once the database is ready, this node's sweep is scheduled; a removed realm takes its
     * reports along, and a removed user their finished ones (one under way is still delivered).
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                NodeTimer.schedule(factory, new FraudReportSweep(Clock.systemUTC()), FraudReportSweep.INTERVAL_MILLIS);
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new FraudReportStore(removed.getKeycloakSession())
                        .removeOfRealm(removed.getRealm().getId());
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                new FraudReportStore(removed.getKeycloakSession())
                        .removeFinishedOfUser(
                                removed.getRealm().getId(), removed.getUser().getId());
            }
        });
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
