package io.github.kclogingov.broker.stepup;

import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.assurance.RecordedAssertion;
import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;

/**
 * A user session that an enabled Login.gov provider of this realm signed in, with the provider's
 * configuration and what that same provider's Login.gov answer asserted.
 */
record LoginGovSession(String alias, LoginGovIdentityProviderConfig config, RecordedAssertion asserted) {

    /**
     * Empty for a session signed in another way, through a provider now disabled, without a recorded
     * assertion, or whose assertion came from another alias (a linked second Login.gov provider
     * never lends its level to the session).
     */
    static Optional<LoginGovSession> of(KeycloakSession session, UserSessionModel userSession) {
        String alias = userSession.getNote(Details.IDENTITY_PROVIDER);
        IdentityProviderModel model =
                alias == null ? null : session.identityProviders().getByAlias(alias);
        if (model == null || !model.isEnabled() || !ProviderType.ID.equals(model.getProviderId())) {
            return Optional.empty();
        }
        return AssuranceNotes.asserted(userSession)
                .filter(asserted -> alias.equals(asserted.alias()))
                .map(asserted -> new LoginGovSession(alias, new LoginGovIdentityProviderConfig(model), asserted));
    }
}
