package io.github.kclogingov.broker.migration;

import java.util.List;
import java.util.Map;

/**
 * An identity provider as the migration reads it, copied out of Keycloak's model so that the plan
 * is made from plain values.
 *
 * @param providerId Keycloak's provider type, {@code oidc} for the stock OpenID Connect provider
 * @param config its stored configuration
 * @param mappers its identity provider mappers
 */
public record StockProvider(String alias, String providerId, Map<String, String> config, List<StockMapper> mappers) {

    /** Keycloak's stock "OpenID Connect v1.0" provider type, the one migration starts from. */
    public static final String STOCK_OIDC = "oidc";

    public StockProvider {
        config = Map.copyOf(config);
        mappers = List.copyOf(mappers);
    }

    /** A mapper of the provider: its id, name, type ({@code identityProviderMapper}) and configuration. */
    public record StockMapper(String id, String name, String type, Map<String, String> config) {

        public StockMapper {
            config = Map.copyOf(config);
        }

        public String value(String key) {
            return config.get(key);
        }
    }
}
