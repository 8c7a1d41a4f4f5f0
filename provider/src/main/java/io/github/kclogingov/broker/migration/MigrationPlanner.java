package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.protocol.ClientAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides a migration from plain values, changing nothing: the same answer for the dry run and for
 * the migration, which goes ahead only when the plan lists no refusal.
 */
public final class MigrationPlanner {

    /** The plan, and the Login.gov configuration to save when it can be applied (empty otherwise). */
    public record Planned(MigrationPlan plan, Map<String, String> newConfig) {}

    private final MapperConversion mappers;

    /** @param worksWithLoginGov whether a mapper type works with any provider type or with Login.gov's */
    public MigrationPlanner(Predicate<String> worksWithLoginGov) {
        this.mappers = new MapperConversion(worksWithLoginGov);
    }

    /**
     * @param provider the provider named by the alias
     * @param others the realm's other providers
     * @param linkedUsers how many users are linked through the alias
     * @param preparedKey the key prepared for this alias, if any: its kid, certificate summary and PEM
     */
    public Planned plan(
            StockProvider provider,
            MigrationRequest request,
            List<OtherProvider> others,
            long linkedUsers,
            Optional<PreparedKey> preparedKey) {
        List<String> refusals = new ArrayList<>();
        if (ProviderType.ID.equals(provider.providerId())) {
            refusals.add(
                    "Provider " + provider.alias() + " is a Login.gov provider already; there is nothing to migrate.");
            return refused(provider, linkedUsers, refusals);
        }
        if (!StockProvider.STOCK_OIDC.equals(provider.providerId())) {
            refusals.add(
                    "Provider " + provider.alias() + " is of type " + provider.providerId()
                            + "; only Keycloak's OpenID Connect v1.0 provider (type oidc) pointing at Login.gov can be migrated.");
            return refused(provider, linkedUsers, refusals);
        }
        Optional<ConfigConversion.Result> config =
                ConfigConversion.convert(provider.config(), request.customIssuer(), refusals);
        config.ifPresent(result -> others.stream()
                .filter(other -> result.server().sameIssuer(other.issuer()))
                .filter(other -> other.clientId() != null
                        && other.clientId()
                                .trim()
                                .equals(provider.config().get("clientId").trim()))
                .forEach(other -> refusals.add("Provider " + other.alias() + " uses the same Login.gov client ("
                        + other.clientId() + " at " + result.server().issuer() + "). Each person has one Login.gov "
                        + "identity per client, so the two aliases would compete for the same links and security "
                        + "events: remove or change one of them first.")));
        List<MapperOutcome> outcomes = provider.mappers().stream()
                .map(mappers::convert)
                .map(o -> dropped(o, request))
                .toList();
        List<String> unaccepted = outcomes.stream()
                .filter(o -> o.outcome() == MapperOutcome.Outcome.UNCONVERTIBLE
                        && !request.dropMappers().contains(o.name()))
                .map(MapperOutcome::name)
                .toList();
        if (!unaccepted.isEmpty()) {
            refusals.add("Mapper(s) " + String.join(", ", unaccepted) + " have no equivalent for a Login.gov provider "
                    + "(see mappers). To migrate without them, name each in dropMapper; they are then deleted.");
        }
        MigrationPlan.KeyStep key = keyStep(
                config.map(ConfigConversion.Result::clientAuthentication), preparedKey, provider.alias(), refusals);
        Map<String, String> newConfig = Map.of();
        if (config.isPresent()) {
            Map<String, String> converted =
                    new java.util.LinkedHashMap<>(config.get().config());
            if (key.kid() != null) {
                converted.put(io.github.kclogingov.broker.config.ConfigKeys.SIGNING_KEY_ID, key.kid());
            }
            newConfig = refusals.isEmpty() ? converted : Map.of();
        }
        List<FieldChange> changes =
                new ArrayList<>(config.map(ConfigConversion.Result::changes).orElse(List.of()));
        if (key.kid() != null) {
            changes.add(new FieldChange(
                    io.github.kclogingov.broker.config.ConfigKeys.SIGNING_KEY_ID, null, key.kid(), "the prepared key"));
        }
        MigrationPlan plan = new MigrationPlan(
                provider.alias(),
                provider.providerId(),
                ProviderType.ID,
                changes,
                outcomes,
                linkedUsers,
                key,
                refusals);
        return new Planned(plan, newConfig);
    }

    private static MapperOutcome dropped(MapperOutcome outcome, MigrationRequest request) {
        if (outcome.outcome() != MapperOutcome.Outcome.UNCONVERTIBLE
                || !request.dropMappers().contains(outcome.name())) {
            return outcome;
        }
        return new MapperOutcome(
                outcome.name(),
                outcome.type(),
                outcome.outcome(),
                null,
                null,
                outcome.note() + ". Named in dropMapper: deleted by the migration.");
    }

    private static MigrationPlan.KeyStep keyStep(
            Optional<ClientAuthentication> authentication,
            Optional<PreparedKey> prepared,
            String alias,
            List<String> refusals) {
        if (authentication.isPresent() && authentication.get() == ClientAuthentication.PKCE) {
            return new MigrationPlan.KeyStep(false, null, null, null, "none: the client uses PKCE and signs nothing");
        }
        if (prepared.isEmpty()) {
            if (authentication.isPresent()) {
                refusals.add("No client assertion key is prepared for " + alias + ". POST .../migration/" + alias
                        + "/key creates one; upload its certificate to Login.gov's partner portal beside the current "
                        + "one, then migrate.");
            }
            return new MigrationPlan.KeyStep(
                    true,
                    null,
                    null,
                    null,
                    "POST .../migration/" + alias
                            + "/key, then upload the certificate it answers to the partner portal, beside the current one");
        }
        PreparedKey key = prepared.get();
        return new MigrationPlan.KeyStep(
                true,
                key.kid(),
                key.summary(),
                key.certificatePem(),
                "make sure this certificate is uploaded to the partner portal before migrating: from the migration on, "
                        + "client assertions are signed with this key");
    }

    private static Planned refused(StockProvider provider, long linkedUsers, List<String> refusals) {
        MigrationPlan plan = new MigrationPlan(
                provider.alias(),
                provider.providerId(),
                ProviderType.ID,
                List.of(),
                List.of(),
                linkedUsers,
                new MigrationPlan.KeyStep(false, null, null, null, "none"),
                refusals);
        return new Planned(plan, Map.of());
    }

    /** A client assertion key prepared for the alias: its kid, its certificate's subject and expiry, and the PEM. */
    public record PreparedKey(String kid, String summary, String certificatePem) {}
}
