package io.github.kclogingov.broker.mappers;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.keycloak.broker.oidc.mappers.UserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.CollectionUtil;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Keycloak's "Attribute Importer" ({@link UserAttributeMapper}) for Login.gov. The differences: the
 * claim is picked from Login.gov's claims instead of typed; it is read through {@link QuietClaims},
 * which never logs (the parent's lookup logs the whole userinfo at DEBUG); {@code verified_at} is
 * stored as an ISO-8601 instant instead of epoch seconds; a claim Login.gov did not release
 * this time (absent, null or blank) keeps the stored value instead of removing it; and an email it
 * changes is unverified. As in the parent, an array
 * ({@code all_emails}) becomes a multi-valued attribute, {@code email}/{@code firstName}/{@code
 * lastName} go to the user's own fields, and every sync mode is supported.
 *
 * <p>{@code social_security_number} and {@code address} are not offered: {@link LoginGovSsnMapper}
 * and {@link LoginGovAddressMapper} handle them.
 */
public class LoginGovAttributeMapper extends UserAttributeMapper {

    public static final String PROVIDER_ID = "logingov-attribute-mapper";

    /** The claims offered in the drop-down, in Login.gov's order. */
    public static final List<String> CLAIMS = List.of(
            LoginGovClaims.EMAIL,
            LoginGovClaims.ALL_EMAILS,
            LoginGovClaims.LOCALE,
            LoginGovClaims.GIVEN_NAME,
            LoginGovClaims.FAMILY_NAME,
            LoginGovClaims.BIRTHDATE,
            LoginGovClaims.PHONE,
            LoginGovClaims.PHONE_VERIFIED,
            LoginGovClaims.VERIFIED_AT,
            LoginGovClaims.X509_SUBJECT,
            LoginGovClaims.X509_ISSUER,
            LoginGovClaims.X509_PRESENTED,
            LoginGovClaims.IAL,
            LoginGovClaims.AAL);

    private static final String[] COMPATIBLE_PROVIDERS = {ProviderType.ID};

    private final List<ProviderConfigProperty> configProperties = configProperties(super.getConfigProperties());

    /** The parent's properties, in its order, with the free-text claim replaced by the drop-down. */
    static List<ProviderConfigProperty> configProperties(List<ProviderConfigProperty> parent) {
        return parent.stream()
                .map(property -> CLAIM.equals(property.getName()) ? claimProperty() : property)
                .toList();
    }

    private static ProviderConfigProperty claimProperty() {
        ProviderConfigProperty claim = new ProviderConfigProperty();
        claim.setName(CLAIM);
        claim.setLabel("Claim");
        claim.setHelpText(
                "Login.gov claim to import (from the id_token, else userinfo). Request its scope on the identity "
                        + "provider. all_emails gives one value per address (declare the attribute as multivalued); verified_at is "
                        + "stored as an ISO-8601 UTC instant such as 2024-03-01T12:00:00Z. Use the Login.gov address and Social "
                        + "Security number mappers for those claims.");
        claim.setType(ProviderConfigProperty.LIST_TYPE);
        claim.setOptions(CLAIMS);
        claim.setDefaultValue(LoginGovClaims.EMAIL);
        return claim;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE_PROVIDERS.clone();
    }

    @Override
    public String getDisplayType() {
        return "Login.gov attribute";
    }

    @Override
    public String getHelpText() {
        return "Import a Login.gov claim into a user property or attribute. Declare the attribute under Realm settings > "
                + "User profile, or Keycloak will not manage it. Verified-only claims (names, birthdate, phone) come only "
                + "with a verified level.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }

    @Override
    public void preprocessFederatedIdentity(
            KeycloakSession session,
            RealmModel realm,
            IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        MapperConfig config = MapperConfig.of(mapperModel);
        String attribute = config.value(USER_ATTRIBUTE);
        String claim = config.value(CLAIM);
        if (attribute == null || claim == null) {
            return; // a mapper saved without a claim or an attribute
        }
        UserProfileCheck.warnIfNotKept(session, realm, mapperModel, getDisplayType(), List.of(attribute));
        List<String> released = values(claim, attribute, context);
        if (released.isEmpty()) {
            return; // nothing released, or nothing readable: the new user gets no attribute, not an empty one
        }
        store(
                attribute,
                released,
                new UserFields(
                        context::setEmail,
                        context::setFirstName,
                        context::setLastName,
                        values -> context.setUserAttribute(attribute, values)));
    }

    @Override
    public void updateBrokeredUser(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        MapperConfig config = MapperConfig.of(mapperModel);
        String attribute = config.value(USER_ATTRIBUTE);
        String claim = config.value(CLAIM);
        if (attribute == null || claim == null) {
            return;
        }
        List<String> released = values(claim, attribute, context);
        if (released.isEmpty()) {
            // Not released this time (an auth-only sign-in gets no verified claims; an expired Login.gov
            // session sends them null), blank, or unreadable: keep what Login.gov said before.
            return;
        }
        store(
                attribute,
                released,
                new UserFields(email -> changeEmail(user, email), user::setFirstName, user::setLastName, values -> {
                    if (!CollectionUtil.collectionEquals(
                            values, user.getAttributeStream(attribute).toList())) {
                        user.setAttribute(attribute, values);
                    }
                }));
    }

    /**
     * A new email from this mapper is never verified: the provider's own email update (sync mode
     * FORCE) applies Login.gov's {@code email_verified} where it may be trusted and runs first, so a
     * change left for this mapper (a FORCE mapper on an IMPORT provider, or the refresh after
     * reproof-completed) would otherwise carry the old address's flag over to the new one.
     */
    private static void changeEmail(UserModel user, String email) {
        if (!email.equalsIgnoreCase(user.getEmail())) {
            user.setEmail(email);
            user.setEmailVerified(false);
        }
    }

    /** Where a value goes: a new user being built, or a stored user being updated. */
    private record UserFields(
            Consumer<String> email,
            Consumer<String> firstName,
            Consumer<String> lastName,
            Consumer<List<String>> attribute) {}

    /** As the parent does it: email, firstName and lastName are the user's own fields (first value); anything else an attribute. */
    private static void store(String attribute, List<String> values, UserFields user) {
        if (EMAIL.equalsIgnoreCase(attribute)) {
            first(values).ifPresent(user.email());
        } else if (FIRST_NAME.equalsIgnoreCase(attribute)) {
            first(values).ifPresent(user.firstName());
        } else if (LAST_NAME.equalsIgnoreCase(attribute)) {
            first(values).ifPresent(user.lastName());
        } else {
            user.attribute().accept(values);
        }
    }

    /**
     * The claim's values as stored: verified_at into a plain attribute as an ISO instant (none when
     * Login.gov sent null or something unreadable), anything else as its text. A mutable list: the
     * first-broker-login flow serializes context values with their class.
     */
    private static List<String> values(String claim, String attribute, BrokeredIdentityContext context) {
        if (!isVerifiedAtIntoAttribute(claim, attribute)) {
            return QuietClaims.texts(context, claim);
        }
        List<String> value = new ArrayList<>();
        ClaimValues.verifiedAtAsIsoInstant(QuietClaims.get(context, claim)).ifPresent(value::add);
        return value;
    }

    /** verified_at into email, firstName or lastName (which makes no sense) keeps the raw value. */
    private static boolean isVerifiedAtIntoAttribute(String claim, String attribute) {
        return LoginGovClaims.VERIFIED_AT.equals(claim)
                && !EMAIL.equalsIgnoreCase(attribute)
                && !FIRST_NAME.equalsIgnoreCase(attribute)
                && !LAST_NAME.equalsIgnoreCase(attribute);
    }

    private static Optional<String> first(List<String> values) {
        return values.stream().findFirst();
    }
}
