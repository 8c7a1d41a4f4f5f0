package io.github.kclogingov.broker.mappers;

import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Splits Login.gov's {@code address} claim into user attributes named, by default, as Keycloak's
 * own "User Address" protocol mapper reads them ({@code street}, {@code locality}, {@code region},
 * {@code postal_code}, {@code formatted}), under the same config keys ({@code user.attribute.street}, ...),
 * so that mapper can give the address back to applications.
 *
 * <p>Sync modes as Keycloak's attribute importer: the attributes are set when the user is created;
 * on a later sign-in Keycloak calls {@link #updateBrokeredUser} only in FORCE mode, and there each
 * part released replaces its attribute, while a part that is absent, null or blank (or the whole
 * claim: an auth-only sign-in, an expired Login.gov session) keeps what is stored.
 */
public class LoginGovAddressMapper extends LoginGovClaimImporter {

    public static final String PROVIDER_ID = "logingov-address-mapper";

    /** An address part: the config key naming its attribute, the default attribute name and the key in the claim. */
    public enum Part {
        STREET("street", ClaimValues.STREET_ADDRESS, "Street (street_address)"),
        LOCALITY("locality", ClaimValues.LOCALITY, "Locality (city)"),
        REGION("region", ClaimValues.REGION, "Region (state)"),
        POSTAL_CODE("postal_code", ClaimValues.POSTAL_CODE, "Postal code"),
        FORMATTED("formatted", ClaimValues.FORMATTED, "Formatted address");

        private final String defaultAttribute;
        private final String claimKey;
        private final String label;

        Part(String defaultAttribute, String claimKey, String label) {
            this.defaultAttribute = defaultAttribute;
            this.claimKey = claimKey;
            this.label = label;
        }

        /** The config key, as Keycloak's AddressMapper spells it: {@code user.attribute.<default name>}. */
        public String configKey() {
            return "user.attribute." + defaultAttribute;
        }

        public String defaultAttribute() {
            return defaultAttribute;
        }

        public String claimKey() {
            return claimKey;
        }
    }

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES =
            Arrays.stream(Part.values()).map(LoginGovAddressMapper::property).toList();

    private static ProviderConfigProperty property(Part part) {
        ProviderConfigProperty property = new ProviderConfigProperty();
        property.setName(part.configKey());
        property.setLabel(part.label + " attribute");
        property.setHelpText("User attribute for the address claim's " + part.claimKey + ". Empty: not imported.");
        property.setType(ProviderConfigProperty.STRING_TYPE);
        property.setDefaultValue(part.defaultAttribute);
        return property;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Login.gov address";
    }

    @Override
    public String getHelpText() {
        return "Import Login.gov's address (scope address, verified level only) into one user attribute per part. The "
                + "default names are those Keycloak's User Address protocol mapper reads. Declare them under Realm settings "
                + "> User profile.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    public void preprocessFederatedIdentity(
            KeycloakSession session,
            RealmModel realm,
            IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        Map<Part, String> targets = targets(mapperModel);
        UserProfileCheck.warnIfNotKept(session, realm, mapperModel, getDisplayType(), List.copyOf(targets.values()));
        address(context)
                .ifPresent(address -> targets.forEach((part, attribute) -> {
                    String value = address.part(part.claimKey);
                    if (value != null) {
                        context.setUserAttribute(attribute, value);
                    }
                }));
    }

    @Override
    public void updateBrokeredUser(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        Optional<ClaimValues.Address> address = address(context);
        targets(mapperModel)
                .forEach((part, attribute) -> StoredAttribute.replace(
                        user, attribute, address.map(a -> a.part(part.claimKey)).orElse(null)));
    }

    /**
     * The attribute for each part, in {@link Part} order: the configured name, the default when the
     * key is missing from the config, none when it is set but empty.
     */
    static Map<Part, String> targets(IdentityProviderMapperModel mapperModel) {
        MapperConfig config = MapperConfig.of(mapperModel);
        Map<Part, String> targets = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            String attribute = config.attributeOrDefault(part.configKey(), part.defaultAttribute);
            if (attribute != null) {
                targets.put(part, attribute);
            }
        }
        return targets;
    }

    /** The address claim, an object in the id_token or in userinfo. */
    static Optional<ClaimValues.Address> address(BrokeredIdentityContext context) {
        return ClaimValues.address(QuietClaims.get(context, LoginGovClaims.ADDRESS));
    }
}
