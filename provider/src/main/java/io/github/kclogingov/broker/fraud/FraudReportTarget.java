package io.github.kclogingov.broker.fraud;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.protocol.ClientAuthentication;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whom a report is about at Login.gov: the user's link to one Login.gov provider, and that
 * provider's settings. The person is named to Login.gov only by the {@code sub} the link stores,
 * the one Login.gov gave this client: never by email or name.
 *
 * @param provider the provider the report goes through
 * @param settings its parsed settings (client ID, environment, key, timeouts)
 * @param pairwiseSub the link's user id at Login.gov
 */
record FraudReportTarget(IdentityProviderModel provider, LoginGovSettings settings, String pairwiseSub) {

    /**
     * @param alias the provider the administrator named; empty to take the user's only Login.gov link
     * @throws FraudReportRefusal when the user has no such link, several without an alias, or the
     *     provider is disabled, misconfigured or has no key to sign with
     */
    static FraudReportTarget of(KeycloakSession session, RealmModel realm, UserModel user, Optional<String> alias) {
        List<FederatedIdentityModel> links = session.users()
                .getFederatedIdentitiesStream(realm, user)
                .filter(link -> isLoginGov(session, link.getIdentityProvider()))
                .filter(link -> alias.isEmpty() || alias.get().equals(link.getIdentityProvider()))
                .toList();
        if (links.isEmpty()) {
            throw FraudReportRefusal.conflict(
                    "no_login_gov_link",
                    alias.map(name -> "This user is not linked to the Login.gov provider '" + name
                                    + "', so Login.gov cannot tell who the report is about. Nothing was sent.")
                            .orElse("This user is not linked to a Login.gov account, so there is nothing to report"
                                    + " to Login.gov. Nothing was sent."));
        }
        if (links.size() > 1) {
            throw FraudReportRefusal.conflict(
                    "alias_required",
                    "This user is linked to several Login.gov providers ("
                            + String.join(
                                    ", ",
                                    links.stream()
                                            .map(FederatedIdentityModel::getIdentityProvider)
                                            .toList())
                            + "): name the one to report through ('alias').");
        }
        FederatedIdentityModel link = links.get(0);
        IdentityProviderModel provider = session.identityProviders().getByAlias(link.getIdentityProvider());
        if (!provider.isEnabled()) {
            throw FraudReportRefusal.conflict(
                    "provider_disabled",
                    "The Login.gov provider '" + provider.getAlias() + "' is disabled. Enable it (its client ID"
                            + " and key must still be registered with Login.gov) before reporting through it.");
        }
        LoginGovSettings settings = settingsOf(provider);
        if (settings.clientAuthentication() != ClientAuthentication.PRIVATE_KEY_JWT) {
            throw FraudReportRefusal.conflict(
                    "no_signing_key",
                    "The Login.gov provider '" + provider.getAlias() + "' authenticates with PKCE, so it has no key"
                            + " to sign a report with: Login.gov accepts only reports signed with the client's"
                            + " registered certificate (private_key_jwt).");
        }
        return new FraudReportTarget(provider, settings, link.getUserId());
    }

    /** The settings of a stored Login.gov provider. */
    static LoginGovSettings settingsOf(IdentityProviderModel provider) {
        try {
            return new LoginGovIdentityProviderConfig(provider).settings();
        } catch (InvalidSettingsException e) {
            throw FraudReportRefusal.conflict(
                    "provider_misconfigured",
                    "The Login.gov provider '" + provider.getAlias() + "' has settings that cannot be used: "
                            + e.getMessage());
        }
    }

    private static boolean isLoginGov(KeycloakSession session, String alias) {
        IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
        return provider != null && ProviderType.ID.equals(provider.getProviderId());
    }
}
