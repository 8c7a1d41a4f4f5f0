package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.fraud.FraudReportResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The extension's part of a realm's admin REST API, {@code /admin/realms/{realm}/logingov/...}:
 * Keycloak has authenticated the administrator; each resource checks the permission it needs.
 */
public class LoginGovAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public LoginGovAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("fraud-reports")
    public FraudReportResource fraudReports() {
        return new FraudReportResource(session, realm, auth, adminEvent);
    }

    @Path("migration")
    public MigrationResource migration() {
        return new MigrationResource(session, realm, auth, adminEvent);
    }
}
