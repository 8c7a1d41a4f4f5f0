package io.github.kclogingov.broker.fraud;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/logingov/fraud-reports}: an administrator who may manage a user
 * reports fraud for them to Login.gov, and reads the reports' states. A report is stored and
 * committed first, then attempted once before the answer, so the administrator sees at once whether
 * Login.gov took it; a report that met an outage is sent again by every node's sweep ({@link
 * FraudReportSweep}).
 */
public class FraudReportResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final Clock clock = Clock.systemUTC();

    public FraudReportResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        try {
            FraudReportRequest request = FraudReportRequest.parse(body, clock.millis() / 1000);
            UserModel user = user(request.userId());
            auth.users().requireManage(user);
            String reportedBy = auth.adminAuth().getUser().getId();
            String realmId = realm.getId();
            String reportId =
                    KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                        RealmModel ownRealm = own.realms().getRealm(realmId);
                        own.getContext().setRealm(ownRealm);
                        UserModel ownUser = own.users().getUserById(ownRealm, request.userId());
                        return FraudReports.create(
                                        own,
                                        ownRealm,
                                        ownUser,
                                        request.eventType(),
                                        request.alias(),
                                        request.occurredAt(),
                                        reportedBy,
                                        clock)
                                .getId();
                    });
            new FraudReportDelivery(session.getKeycloakSessionFactory(), clock).attempt(reportId);
            FraudReportView view = view(reportId);
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("reportId", view.id());
            recorded.put("alias", view.alias());
            recorded.put("eventType", view.eventType());
            recorded.put("state", view.state());
            adminEvent
                    .operation(OperationType.ACTION)
                    .resource(ResourceType.USER)
                    .resourcePath("users", user.getId(), "logingov-fraud-reports", view.id())
                    .representation(recorded)
                    .success();
            return Response.status(Response.Status.CREATED).entity(view).build();
        } catch (FraudReportRefusal refused) {
            return refusal(refused);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response reports(@QueryParam("userId") String userId) {
        try {
            if (userId == null || userId.isBlank()) {
                throw FraudReportRefusal.invalid("userId is required: the reports are listed per user.");
            }
            UserModel user = user(userId);
            auth.users().requireView(user);
            List<FraudReportView> views = new FraudReportStore(session)
                    .ofUser(realm.getId(), user.getId()).stream()
                            .map(FraudReportView::of)
                            .toList();
            return Response.ok(views).build();
        } catch (FraudReportRefusal refused) {
            return refusal(refused);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") String id) {
        try {
            FraudReportEntity report = found(id);
            requireView(report);
            return Response.ok(FraudReportView.of(report)).build();
        } catch (FraudReportRefusal refused) {
            return refusal(refused);
        }
    }

    /**
     * Sends a report that is waiting for its next attempt now, after an outage the administrator
     * knows is over. A report that has finished is not sent again: a new report is a new decision.
     */
    @POST
    @Path("{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retryNow(@PathParam("id") String id) {
        try {
            FraudReportEntity report = found(id);
            requireManage(report);
            if (FraudReportState.valueOf(report.getState()).finished()) {
                throw FraudReportRefusal.conflict(
                        "report_finished", "This report is " + report.getState() + ": it is not sent again.");
            }
            String realmId = realm.getId();
            KeycloakModelUtils.runJobInTransaction(
                    session.getKeycloakSessionFactory(),
                    own -> new FraudReportStore(own)
                            .find(realmId, id)
                            .ifPresent(stored -> stored.setNextAttemptAt(clock.millis())));
            new FraudReportDelivery(session.getKeycloakSessionFactory(), clock).attempt(id);
            return Response.ok(view(id)).build();
        } catch (FraudReportRefusal refused) {
            return refusal(refused);
        }
    }

    private FraudReportView view(String reportId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(
                session.getKeycloakSessionFactory(),
                own -> FraudReportView.of(
                        new FraudReportStore(own).find(reportId).orElseThrow()));
    }

    private UserModel user(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            auth.users().requireQuery();
            throw FraudReportRefusal.notFound("user_not_found", "The realm has no user with id '" + userId + "'.");
        }
        return user;
    }

    private FraudReportEntity found(String id) {
        return new FraudReportStore(session)
                .find(realm.getId(), id)
                .orElseThrow(() ->
                        FraudReportRefusal.notFound("report_not_found", "The realm has no fraud report '" + id + "'."));
    }

    /** Viewing a report takes viewing its user; a removed user's, viewing users. */
    private void requireView(FraudReportEntity report) {
        reportedUser(report).ifPresentOrElse(auth.users()::requireView, auth.users()::requireView);
    }

    /** Sending a report again takes managing its user; a removed user's, managing users. */
    private void requireManage(FraudReportEntity report) {
        reportedUser(report).ifPresentOrElse(auth.users()::requireManage, auth.users()::requireManage);
    }

    private Optional<UserModel> reportedUser(FraudReportEntity report) {
        return Optional.ofNullable(session.users().getUserById(realm, report.getUserId()));
    }

    private static Response refusal(FraudReportRefusal refused) {
        return Response.status(refused.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", refused.code(), "errorMessage", refused.getMessage()))
                .build();
    }
}
