package io.github.kclogingov.broker.migration;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The JSON answer of a migration that does not happen: a fixed code, a sentence, every reason, and
 * the plan when there is one. Never a stack trace.
 */
public record MigrationError(String error, String message, List<String> reasons, MigrationPlan plan) {

    static Response response(
            Response.Status status, String error, String message, List<String> reasons, MigrationPlan plan) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new MigrationError(error, message, List.copyOf(reasons), plan))
                .build();
    }

    static Response notFound(String alias) {
        return response(
                Response.Status.NOT_FOUND,
                "not_found",
                "The realm has no identity provider with alias '" + alias + "'.",
                List.of(),
                null);
    }

    static Response refused(MigrationPlan plan) {
        return response(
                Response.Status.CONFLICT,
                "migration_refused",
                "Nothing was changed: the migration cannot be done safely yet.",
                plan.refusals(),
                plan);
    }
}
