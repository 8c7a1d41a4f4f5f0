package io.github.kclogingov.broker.mappers;

import java.util.List;
import java.util.stream.Collectors;

import io.github.kclogingov.broker.LoginGovIdentityProviderFactory;
import io.github.kclogingov.protocol.ClaimValues;
import io.github.kclogingov.protocol.LoginGovClaims;

import org.keycloak.broker.oidc.mappers.UserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.CollectionUtil;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Keycloak's "Attribute Importer" ({@link UserAttributeMapper}) for Login.gov: the claim is picked
 * from Login.gov's claims instead of typed, and {@code verified_at} is stored as an ISO-8601
 * instant instead of epoch seconds. Everything else is the parent's: an array ({@code all_emails})
 * becomes a multi-valued attribute, {@code email}/{@code firstName}/{@code lastName} go to the
 * user's own fields, every sync mode is supported, and a claim that is absent removes the
 * attribute on update.
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

    private static final String[] COMPATIBLE_PROVIDERS = {LoginGovIdentityProviderFactory.PROVIDER_ID};

    private final List<ProviderConfigProperty> configProperties = configProperties(super.getConfigProperties());

    /** The parent's properties, in its order, with the free-text claim replaced by the drop-down. */
    static List<ProviderConfigProperty> configProperties(List<ProviderConfigProperty> parent) {
        return parent.stream().map(property -> CLAIM.equals(property.getName()) ? claimProperty() : property).toList();
    }

    private static ProviderConfigProperty claimProperty() {
        ProviderConfigProperty claim = new ProviderConfigProperty();
        claim.setName(CLAIM);
        claim.setLabel("Claim");
        claim.setHelpText("Login.gov claim to import (from the id_token, else userinfo). Request its scope on the identity "
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
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        String attribute = attribute(mapperModel);
        if (attribute == null || claim(mapperModel) == null) {
            return; // the parent would fail on a mapper saved without a claim
        }
        UserProfileCheck.warnIfNotKept(session, realm, mapperModel, getDisplayType(), List.of(attribute));
        if (isVerifiedAtIntoAttribute(mapperModel, attribute)) {
            context.setUserAttribute(attribute, verifiedAt(mapperModel, context));
        } else {
            super.preprocessFederatedIdentity(session, realm, mapperModel, context);
        }
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        String attribute = attribute(mapperModel);
        if (attribute == null || claim(mapperModel) == null) {
            return;
        }
        if (getClaimValue(mapperModel, context) == null) {
            // Not released this time (an auth-only sign-in gets no verified claims): keep what Login.gov said before.
            return;
        }
        if (isVerifiedAtIntoAttribute(mapperModel, attribute)) {
            List<String> values = verifiedAt(mapperModel, context);
            List<String> current = user.getAttributeStream(attribute).collect(Collectors.toList());
            if (!values.isEmpty() && !CollectionUtil.collectionEquals(values, current)) {
                user.setAttribute(attribute, values);
            }
        } else {
            super.updateBrokeredUser(session, realm, user, mapperModel, context);
        }
    }

    /**
     * verified_at into a plain attribute. Into email, firstName or lastName (which makes no sense)
     * the parent's handling, with the raw value, is kept.
     */
    private static boolean isVerifiedAtIntoAttribute(IdentityProviderMapperModel mapperModel, String attribute) {
        return LoginGovClaims.VERIFIED_AT.equals(claim(mapperModel))
                && !EMAIL.equalsIgnoreCase(attribute) && !FIRST_NAME.equalsIgnoreCase(attribute) && !LAST_NAME.equalsIgnoreCase(attribute);
    }

    /** The ISO instant, or no value when Login.gov sent null (unknown) or something unreadable. */
    private static List<String> verifiedAt(IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        // A mutable list: the first-broker-login flow serializes context values with their class.
        List<String> value = new java.util.ArrayList<>();
        ClaimValues.verifiedAtAsIsoInstant(getClaimValue(mapperModel, context)).ifPresent(value::add);
        return value;
    }

    private static String attribute(IdentityProviderMapperModel mapperModel) {
        return blankToNull(mapperModel.getConfig().get(USER_ATTRIBUTE));
    }

    private static String claim(IdentityProviderMapperModel mapperModel) {
        return blankToNull(mapperModel.getConfig().get(CLAIM));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
