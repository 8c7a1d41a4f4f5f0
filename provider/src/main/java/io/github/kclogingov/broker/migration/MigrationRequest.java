package io.github.kclogingov.broker.migration;

import java.util.Optional;
import java.util.Set;

/**
 * What the administrator says beside the alias.
 *
 * @param customIssuer the issuer of a Login.gov-compatible server that is not Login.gov (a
 *     simulator), to be accepted as Login.gov; empty for Login.gov's sandbox and production
 * @param dropMappers the names of mappers without an equivalent that the administrator accepts to
 *     lose; the migration stops while any such mapper is not named
 */
public record MigrationRequest(Optional<String> customIssuer, Set<String> dropMappers) {

    public MigrationRequest {
        customIssuer = customIssuer.filter(value -> !value.isBlank());
        dropMappers = Set.copyOf(dropMappers);
    }

    public static MigrationRequest plain() {
        return new MigrationRequest(Optional.empty(), Set.of());
    }
}
