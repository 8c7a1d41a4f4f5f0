package io.github.kclogingov.broker.signals;

import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.assurance.RecordedAssertion;
import io.github.kclogingov.broker.mappers.VerifiedClaims;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.provider.IdentityProviderMapperSyncModeDelegate;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * After Login.gov's reproof-completed, the next sign-in at a verified level writes the verified
 * attributes again even through mappers in IMPORT mode, which Keycloak otherwise runs only when it
 * creates the user: Login.gov's own mappers whose effective mode is IMPORT are run as in FORCE mode
 * once (those in FORCE or LEGACY mode run anyway, right after). An auth-only sign-in receives no
 * verified attribute, and a verified one whose Login.gov session had expired receives them null
 * ({@link VerifiedClaims#withheld}), so the mark waits for a verified sign-in that holds them.
 */
public final class ReproofRefresh {

    private static final Logger LOG = Logger.getLogger(ReproofRefresh.class);
    private static final String LOGIN_GOV_MAPPERS = "logingov-";

    private ReproofRefresh() {}

    /** Called for an existing user at each sign-in through {@code alias}, before Keycloak runs the mappers. */
    public static void apply(
            KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context, String alias) {
        if (!ReproofMark.isSet(user, alias) || !isVerifiedSignIn(context, alias)) {
            return;
        }
        if (VerifiedClaims.withheld(context)) {
            // Login.gov's session had expired: its verified claims came back null. Wait for an answer that holds them.
            LOG.debugf(
                    "Login.gov provider '%s': verified attributes withheld, refresh after reproof still pending",
                    alias);
            return;
        }
        IdentityProviderSyncMode providerMode = context.getIdpConfig().getSyncMode() == null
                ? IdentityProviderSyncMode.LEGACY
                : context.getIdpConfig().getSyncMode();
        session.identityProviders()
                .getMappersByAliasStream(alias)
                .filter(mapper -> mapper.getIdentityProviderMapper().startsWith(LOGIN_GOV_MAPPERS))
                .filter(mapper -> IdentityProviderMapperSyncModeDelegate.combineIdpAndMapperSyncMode(
                                providerMode, mapper.getSyncMode())
                        == IdentityProviderSyncMode.IMPORT)
                .forEach(mapper -> run(session, realm, user, mapper, context));
        ReproofMark.clear(user, alias);
        LOG.debugf("Login.gov provider '%s': verified attributes refreshed after reproof-completed", alias);
    }

    private static boolean isVerifiedSignIn(BrokeredIdentityContext context, String alias) {
        return AssuranceNotes.carried(context, alias)
                .map(RecordedAssertion::level)
                .map(level -> level.ial().releasesVerifiedAttributes())
                .orElse(false);
    }

    private static void run(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            IdentityProviderMapperModel mapper,
            BrokeredIdentityContext context) {
        IdentityProviderMapper target = (IdentityProviderMapper) session.getKeycloakSessionFactory()
                .getProviderFactory(IdentityProviderMapper.class, mapper.getIdentityProviderMapper());
        if (target != null) {
            target.updateBrokeredUser(session, realm, user, mapper, context);
        }
    }
}
