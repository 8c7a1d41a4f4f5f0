package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.common.ProviderType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Finishes the client assertion keys of the Login.gov providers a realm import brought, once the
 * import is done. Keycloak imports identity providers before the realm's keys, so when it saves
 * them ({@link LoginGovIdentityProviderConfig#validate}) the keys cannot be read yet; it announces
 * the finished realm ({@link RealmModel.RealmPostCreateEvent}) in the same transaction.
 *
 * <p>A provider that names a key keeps it (no other key is made); one without a key gets its own.
 * A key that does not fit is reported as a warning, not a refusal: an import restores a realm as it
 * was; the sign-in still refuses a missing, disabled, active or non-RSA key, and the next save
 * refuses every problem.
 */
public final class ImportedProviderKeys implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(ImportedProviderKeys.class);

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            finish(created.getKeycloakSession(), created.getCreatedRealm());
        }
    }

    private static void finish(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            session.identityProviders()
                    .getAllStream()
                    .filter(provider -> ProviderType.ID.equals(provider.getProviderId()))
                    .toList()
                    .forEach(provider -> finish(session, realm, provider));
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private static void finish(KeycloakSession session, RealmModel realm, IdentityProviderModel provider) {
        LoginGovIdentityProviderConfig config = new LoginGovIdentityProviderConfig(provider);
        Map<String, String> before = new HashMap<>(config.getConfig());
        List<String> problems;
        try {
            problems = ClientAssertionKeySetup.apply(session, realm, config);
        } catch (InvalidSettingsException e) {
            // The import already checked the settings; a provider that fails them here stays as imported.
            return;
        }
        problems.forEach(problem -> LOG.warnf(
                "Login.gov provider '%s' in imported realm '%s': %s (Saving the provider is refused until then.)",
                provider.getAlias(), realm.getName(), problem));
        if (!before.equals(config.getConfig())) {
            session.identityProviders().update(config);
        }
    }
}
