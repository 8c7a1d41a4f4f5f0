package io.github.kclogingov.broker.mappers;

import io.github.kclogingov.broker.common.ProviderType;
import org.keycloak.broker.oidc.mappers.AbstractClaimMapper;
import org.keycloak.models.IdentityProviderSyncMode;

/**
 * What Login.gov's own claim importers (address, SSN) share: offered for Login.gov providers only,
 * listed with Keycloak's attribute importers, and run in every sync mode as those are.
 */
abstract class LoginGovClaimImporter extends AbstractClaimMapper {

    private static final String[] COMPATIBLE_PROVIDERS = {ProviderType.ID};

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE_PROVIDERS.clone();
    }

    @Override
    public String getDisplayCategory() {
        return "Attribute Importer";
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true; // LEGACY, IMPORT and FORCE, like Keycloak's attribute importer
    }
}
