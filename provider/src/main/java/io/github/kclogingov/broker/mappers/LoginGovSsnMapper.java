package io.github.kclogingov.broker.mappers;

import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.List;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Imports Login.gov's {@code social_security_number} into one user attribute, by default only its
 * last four digits. The value is never logged: this class has no logger, and it reads the claim
 * through {@link QuietClaims} rather than Keycloak's userinfo lookup, which logs the whole userinfo at DEBUG.
 *
 * <p>Sync modes as Keycloak's attribute importer: set when the user is created; on a later sign-in
 * updated in FORCE mode, where a missing, null or malformed number keeps what is stored.
 */
public class LoginGovSsnMapper extends LoginGovClaimImporter {

    public static final String PROVIDER_ID = "logingov-ssn-mapper";

    public static final String USER_ATTRIBUTE = "user.attribute";
    public static final String DEFAULT_ATTRIBUTE = "logingov_ssn";
    public static final String KEEP = "keep";
    public static final String KEEP_LAST_FOUR = "last-four";
    public static final String KEEP_FULL = "full";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(USER_ATTRIBUTE)
            .label("User Attribute Name")
            .helpText(
                    "User attribute that receives the number. Declare it under Realm settings > User profile with view and "
                            + "edit permission for admin only (not user), so that neither the user nor any account page shows it.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(DEFAULT_ATTRIBUTE)
            .add()
            .property()
            .name(KEEP)
            .label("Keep")
            .helpText(
                    "last-four: only the last 4 digits (1234). full: all 9 digits, without dashes. Keep the full number only "
                            + "if your agency's privacy rules require it.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(KEEP_LAST_FOUR, KEEP_FULL)
            .defaultValue(KEEP_LAST_FOUR)
            .add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Login.gov Social Security number";
    }

    @Override
    public String getHelpText() {
        return "Import Login.gov's social_security_number (scope social_security_number, verified level only), by default "
                + "its last four digits. Declare the attribute under Realm settings > User profile with view and edit "
                + "permission admin only. No token carries it unless you add a protocol mapper for it.";
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
        String attribute = attribute(mapperModel);
        if (attribute == null) {
            return;
        }
        UserProfileCheck.warnIfNotKept(session, realm, mapperModel, getDisplayType(), List.of(attribute));
        kept(mapperModel, context).ifPresent(value -> context.setUserAttribute(attribute, value));
    }

    @Override
    public void updateBrokeredUser(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        String attribute = attribute(mapperModel);
        if (attribute == null) {
            return;
        }
        StoredAttribute.replace(user, attribute, kept(mapperModel, context).orElse(null));
    }

    /** What is stored for the number Login.gov sent: its last four digits or all nine; empty if absent or not 9 digits. */
    static Optional<String> kept(String keep, Object claim) {
        if (!(claim instanceof String ssn)) {
            return Optional.empty(); // a JSON number would have lost its leading zeros
        }
        return KEEP_FULL.equals(keep) ? ClaimValues.ssnDigits(ssn) : ClaimValues.lastFour(ssn);
    }

    private static Optional<String> kept(IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        return kept(
                MapperConfig.of(mapperModel).value(KEEP),
                QuietClaims.get(context, LoginGovClaims.SOCIAL_SECURITY_NUMBER));
    }

    /** The configured attribute, the default when the key is missing, none when it is set but empty. */
    static String attribute(IdentityProviderMapperModel mapperModel) {
        return MapperConfig.of(mapperModel).attributeOrDefault(USER_ATTRIBUTE, DEFAULT_ATTRIBUTE);
    }
}
