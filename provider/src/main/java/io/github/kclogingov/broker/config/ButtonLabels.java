package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.common.ProviderType;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The label rule of the login theme's buttons, seen from the admin side. With several Login.gov
 * providers on one login page, the theme (social-providers.ftl) tells their buttons apart by display
 * name, and falls back to the alias when display names are blank, "Login.gov" or shared. An alias
 * on a button is an internal word a person should not read, so saving a provider whose label
 * another Login.gov provider of the realm already uses logs a warning naming both.
 */
final class ButtonLabels {

    private static final Logger LOG = Logger.getLogger(ButtonLabels.class);

    /** What a blank display name reads as: Login.gov's name, which every Login.gov button already shows. */
    static final String DEFAULT_NAME = "Login.gov";

    private ButtonLabels() {}

    /** The name the theme would put in brackets after "Sign in with Login.gov", before any fallback. */
    static String labelOf(String displayName) {
        return displayName == null || displayName.isBlank() ? DEFAULT_NAME : displayName.trim();
    }

    /** The aliases of the other Login.gov providers whose label is the same as this one's, sorted. */
    static List<String> sharingTheLabel(String alias, String displayName, Stream<IdentityProviderModel> providers) {
        String label = labelOf(displayName);
        return providers
                .filter(other -> ProviderType.ID.equals(other.getProviderId()))
                .filter(other -> !other.getAlias().equals(alias))
                .filter(other -> labelOf(other.getDisplayName()).equals(label))
                .map(IdentityProviderModel::getAlias)
                .sorted()
                .toList();
    }

    /**
     * Warns when another Login.gov provider of the realm being edited shares this one's label. The
     * realm's providers are read through the request's session; outside a request (unit tests of
     * the other rules) there is none and nothing is checked. A warning, not a refusal: two
     * providers with the same name still work, the buttons only read worse.
     */
    static void warnIfShared(String alias, String displayName) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session == null || session.getContext().getRealm() == null) {
            return;
        }
        List<String> others;
        try {
            others = sharingTheLabel(
                    alias, displayName, session.identityProviders().getAllStream());
        } catch (RuntimeException e) {
            // A warning must never stop a save (a realm import, say, may not have its providers readable yet).
            LOG.debugf(e, "Login.gov provider '%s': could not compare button labels", alias);
            return;
        }
        if (!others.isEmpty()) {
            LOG.warnf(
                    "Login.gov providers '%s' and '%s' share the display name '%s': the login page can only tell "
                            + "their buttons apart by alias. Give each a distinct display name (e.g. 'sandbox', "
                            + "'agency staff'); the button then reads 'Sign in with Login.gov (<display name>)'.",
                    alias, String.join("', '", others), labelOf(displayName));
        }
    }
}
