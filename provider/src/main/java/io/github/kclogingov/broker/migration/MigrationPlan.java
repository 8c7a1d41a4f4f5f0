package io.github.kclogingov.broker.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a migration of one provider will do, as the dry run answers it and the migration carries it
 * out: each setting old to new, each mapper's outcome, how many users' links stay, the client
 * assertion key, and every reason it cannot be done now ({@code refusals}, empty when it can).
 *
 * @param providerType the provider's type before and after ({@code oidc} to {@code login.gov})
 * @param linkedUsers the users linked through the alias; their links are kept as they are
 */
public record MigrationPlan(
        String alias,
        String providerType,
        String newProviderType,
        List<FieldChange> config,
        List<MapperOutcome> mappers,
        long linkedUsers,
        KeyStep clientAssertionKey,
        List<String> refusals) {

    public MigrationPlan {
        config = List.copyOf(config);
        mappers = List.copyOf(mappers);
        refusals = List.copyOf(refusals);
    }

    /** True when nothing stands in the way: the POST would migrate. In the JSON too, beside the refusals. */
    @JsonProperty("canApply")
    public boolean canApply() {
        return refusals.isEmpty();
    }

    /**
     * The client assertion key the Login.gov provider will sign with. The stock provider signed with
     * the realm's active key, which this extension refuses (it also signs Keycloak's own tokens), so
     * the migration uses a key of the provider's own, prepared beforehand so that its certificate is
     * at Login.gov before the switch.
     *
     * @param needed false for a PKCE client, which signs nothing
     * @param kid the prepared key's kid, null until prepared
     * @param certificatePem its certificate, for the partner portal
     * @param nextStep what the administrator does next, in a sentence
     */
    public record KeyStep(boolean needed, String kid, String certificate, String certificatePem, String nextStep) {}
}
