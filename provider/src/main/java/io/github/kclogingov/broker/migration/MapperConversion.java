package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.mappers.LoginGovAddressMapper;
import io.github.kclogingov.broker.mappers.LoginGovAttributeMapper;
import io.github.kclogingov.broker.mappers.LoginGovSsnMapper;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What becomes of each mapper of a stock provider. Keycloak's "Attribute Importer" of a Login.gov
 * claim becomes this extension's mapper for that claim, with the same user attribute and sync mode;
 * a mapper that works with any provider type (hard-coded role, attribute, group...) is kept; any
 * other has no equivalent and is listed.
 */
final class MapperConversion {

    /** Keycloak's OpenID Connect "Attribute Importer". */
    static final String STOCK_ATTRIBUTE_IMPORTER = "oidc-user-attribute-idp-mapper";

    /** Its settings, as Keycloak's {@code UserAttributeMapper} names them. */
    static final String CLAIM = "claim";

    static final String USER_ATTRIBUTE = "user.attribute";
    static final String SYNC_MODE = "syncMode";

    private static final String ADDRESS_PREFIX = LoginGovClaims.ADDRESS + ".";

    /** True for a mapper type whose factory declares itself compatible with any provider type or with Login.gov's. */
    private final Predicate<String> worksWithLoginGov;

    MapperConversion(Predicate<String> worksWithLoginGov) {
        this.worksWithLoginGov = worksWithLoginGov;
    }

    MapperOutcome convert(StockProvider.StockMapper mapper) {
        if (STOCK_ATTRIBUTE_IMPORTER.equals(mapper.type())) {
            return attributeImporter(mapper);
        }
        if (mapper.type() != null && worksWithLoginGov.test(mapper.type())) {
            return MapperOutcome.kept(mapper);
        }
        return MapperOutcome.unconvertible(
                mapper,
                "type " + mapper.type() + " works only with Keycloak's OpenID Connect providers, and this extension "
                        + "has no equivalent; recreate what it does by hand after the migration, or drop it");
    }

    private MapperOutcome attributeImporter(StockProvider.StockMapper mapper) {
        String claim = trimmed(mapper.value(CLAIM));
        String attribute = trimmed(mapper.value(USER_ATTRIBUTE));
        if (claim == null || attribute == null) {
            return MapperOutcome.unconvertible(mapper, "it names no claim or no user attribute, so it imports nothing");
        }
        Map<String, String> config = new HashMap<>();
        Optional.ofNullable(trimmed(mapper.value(SYNC_MODE))).ifPresent(mode -> config.put(SYNC_MODE, mode));
        if (LoginGovAttributeMapper.CLAIMS.contains(claim)) {
            config.put(LoginGovAttributeMapper.CLAIM, claim);
            config.put(LoginGovAttributeMapper.USER_ATTRIBUTE, attribute);
            return MapperOutcome.converted(
                    mapper,
                    LoginGovAttributeMapper.PROVIDER_ID,
                    config,
                    "Login.gov claim " + claim + " into " + attribute);
        }
        if (LoginGovClaims.SOCIAL_SECURITY_NUMBER.equals(claim)) {
            config.put(LoginGovSsnMapper.USER_ATTRIBUTE, attribute);
            config.put(LoginGovSsnMapper.KEEP, LoginGovSsnMapper.KEEP_FULL);
            return MapperOutcome.converted(
                    mapper,
                    LoginGovSsnMapper.PROVIDER_ID,
                    config,
                    "the full number into " + attribute + " as before, from the next sign-in without dashes; choose "
                            + "keep=last-four on the mapper if the agency needs no more");
        }
        if (claim.startsWith(ADDRESS_PREFIX)) {
            return addressPart(mapper, claim.substring(ADDRESS_PREFIX.length()), attribute, config);
        }
        return MapperOutcome.unconvertible(
                mapper,
                "claim " + claim + " is not one Login.gov releases in a form this extension imports"
                        + (LoginGovClaims.ADDRESS.equals(claim)
                                ? " (the whole address object: map its parts, address.street_address and so on)"
                                : ""));
    }

    /** One part of the address claim into one attribute: an address mapper with that part alone. */
    private static MapperOutcome addressPart(
            StockProvider.StockMapper mapper, String claimKey, String attribute, Map<String, String> config) {
        Optional<LoginGovAddressMapper.Part> part = Arrays.stream(LoginGovAddressMapper.Part.values())
                .filter(p -> p.claimKey().equals(claimKey))
                .findFirst();
        if (part.isEmpty()) {
            return MapperOutcome.unconvertible(
                    mapper, "address." + claimKey + " is not a part of Login.gov's address claim");
        }
        for (LoginGovAddressMapper.Part each : LoginGovAddressMapper.Part.values()) {
            // Set but empty: that part is not imported by this mapper.
            config.put(each.configKey(), each == part.get() ? attribute : "");
        }
        return MapperOutcome.converted(
                mapper,
                LoginGovAddressMapper.PROVIDER_ID,
                config,
                "the address claim's " + claimKey + " into " + attribute + " (the other parts are not imported by it)");
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
