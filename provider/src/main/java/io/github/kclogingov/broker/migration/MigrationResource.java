package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.keys.GeneratedClientAssertionKey;
import io.github.kclogingov.broker.keys.RealmKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/logingov/migration/{alias}}: the dry run (GET), the client assertion
 * key to prepare ({@code POST .../key}) and the migration (POST). Reading needs the right to view
 * identity providers, changing the right to manage them. Query parameters: {@code customIssuer}
 * and {@code dropMapper} (repeated), as {@link MigrationRequest} describes.
 */
public class MigrationResource {

    private static final Logger LOG = Logger.getLogger(MigrationResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public MigrationResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** The plan: what the migration would change, and what stands in the way. Changes nothing. */
    @GET
    @Path("{alias}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dryRun(
            @PathParam("alias") String alias,
            @QueryParam("customIssuer") String customIssuer,
            @QueryParam("dropMapper") List<String> dropMappers) {
        auth.realm().requireViewIdentityProviders();
        RealmProviders providers = new RealmProviders(session, realm);
        Optional<IdentityProviderModel> model = providers.model(alias);
        if (model.isEmpty()) {
            return MigrationError.notFound(alias);
        }
        return Response.ok(plan(providers, model.get(), request(customIssuer, dropMappers))
                        .plan())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * Adds the provider's own client assertion key, so that its certificate can be uploaded to the
     * partner portal before the migration switches to it; answers the key and its certificate.
     * Once only: a second call answers the same key.
     */
    @POST
    @Path("{alias}/key")
    @Produces(MediaType.APPLICATION_JSON)
    public Response prepareKey(@PathParam("alias") String alias) {
        auth.realm().requireManageIdentityProviders();
        RealmProviders providers = new RealmProviders(session, realm);
        Optional<IdentityProviderModel> model = providers.model(alias);
        if (model.isEmpty()) {
            return MigrationError.notFound(alias);
        }
        if (!StockProvider.STOCK_OIDC.equals(model.get().getProviderId())) {
            return MigrationError.response(
                    Response.Status.CONFLICT,
                    "not_stock_provider",
                    "Provider '" + alias + "' is of type " + model.get().getProviderId()
                            + "; a key is prepared only for a stock OpenID Connect provider about to be migrated.",
                    List.of(),
                    null);
        }
        Optional<MigrationPlanner.PreparedKey> existing = providers.preparedKey(alias);
        if (existing.isPresent()) {
            return Response.ok(existing.get())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        Optional<MigrationPlanner.PreparedKey> created = GeneratedClientAssertionKey.create(session, realm, alias)
                .flatMap(kid -> RealmKeys.byKid(session, realm, kid).stream().findFirst())
                .map(RealmProviders::prepared);
        if (created.isEmpty()) {
            session.getTransactionManager().setRollbackOnly();
            return MigrationError.response(
                    Response.Status.CONFLICT,
                    "key_not_generated",
                    "Keycloak could not generate a key (see the server log); nothing was changed.",
                    List.of(),
                    null);
        }
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(created.get())
                .build();
    }

    /** The migration: carried out when the plan lists no refusal, else nothing changes and the reasons are answered. */
    @POST
    @Path("{alias}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response migrate(
            @PathParam("alias") String alias,
            @QueryParam("customIssuer") String customIssuer,
            @QueryParam("dropMapper") List<String> dropMappers) {
        auth.realm().requireManageIdentityProviders();
        RealmProviders providers = new RealmProviders(session, realm);
        Optional<IdentityProviderModel> model = providers.model(alias);
        if (model.isEmpty()) {
            return MigrationError.notFound(alias);
        }
        MigrationPlanner.Planned planned = plan(providers, model.get(), request(customIssuer, dropMappers));
        if (!planned.plan().canApply()) {
            return MigrationError.refused(planned.plan());
        }
        Optional<String> refusal;
        try {
            refusal = new MigrationApply(session, realm).apply(model.get(), planned, adminEvent);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Migration of identity provider '%s' failed (%s); rolled back",
                    alias, e.getClass().getName());
            refusal = Optional.of("Keycloak could not store the migration (see the server log); nothing was changed.");
        }
        if (refusal.isPresent()) {
            session.getTransactionManager().setRollbackOnly();
            return MigrationError.response(
                    Response.Status.CONFLICT,
                    "migration_failed",
                    refusal.get(),
                    List.of(refusal.get()),
                    planned.plan());
        }
        return Response.ok(planned.plan()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private MigrationPlanner.Planned plan(
            RealmProviders providers, IdentityProviderModel model, MigrationRequest request) {
        String alias = model.getAlias();
        return new MigrationPlanner(providers::worksWithLoginGov)
                .plan(
                        providers.stockProvider(model),
                        request,
                        providers.others(alias),
                        providers.linkedUsers(alias),
                        providers.preparedKey(alias));
    }

    private static MigrationRequest request(String customIssuer, List<String> dropMappers) {
        return new MigrationRequest(
                Optional.ofNullable(customIssuer), dropMappers == null ? Set.of() : Set.copyOf(dropMappers));
    }
}
