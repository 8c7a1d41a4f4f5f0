package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.LoginGovAttribute;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of the form this provider fills in itself: the Scopes (from the chosen attributes) and
 * the logout redirect URI to register. An administrator's edit of one is refused with what to do
 * instead, never silently replaced; a value left as the console loaded it passes.
 */
final class DerivedFields {

    private final Map<String, String> submitted;
    private final Optional<Map<String, String>> stored;

    /**
     * @param submitted the configuration as the administrator saves it
     * @param stored the configuration saved before, empty for a new provider (or an import)
     */
    DerivedFields(Map<String, String> submitted, Optional<Map<String, String>> stored) {
        this.submitted = submitted;
        this.stored = stored;
    }

    void check(LoginGovSettings settings, Optional<String> logoutRedirectUri, SettingProblems problems) {
        if (!problems.concern(ConfigKeys.ATTRIBUTES)) {
            settings.attributes()
                    .ifPresent(attributes -> checkScopes(LoginGovAttribute.scopesFor(attributes), problems));
        }
        checkLogoutRedirectUri(logoutRedirectUri, problems);
    }

    /** A new provider or an import takes the derived scopes as before; only a change in the console is an edit. */
    private void checkScopes(String derived, SettingProblems problems) {
        String scopes = submitted.get(ConfigKeys.SCOPES);
        if (stored.isEmpty() || isUnchanged(ConfigKeys.SCOPES) || sameScopes(scopes, derived)) {
            return;
        }
        problems.add(
                ConfigKeys.SCOPES,
                "They follow 'Login.gov attributes' (" + derived + " for the attributes chosen). Choose the "
                        + "attributes there instead, or empty 'Login.gov attributes' to write the scopes by hand.");
    }

    /**
     * Like the scopes, only a change in the console is an edit: a new provider (or an import, or a
     * copy of another provider's representation) simply gets the URI of its own alias.
     */
    private void checkLogoutRedirectUri(Optional<String> derived, SettingProblems problems) {
        String shown = submitted.get(ConfigKeys.LOGOUT_REDIRECT_URI);
        if (stored.isEmpty()
                || shown == null
                || shown.isBlank()
                || shown.equals(ConfigForm.LOGOUT_REDIRECT_URI_BEFORE_SAVE)
                || isUnchanged(ConfigKeys.LOGOUT_REDIRECT_URI)
                || derived.map(shown.trim()::equals).orElse(true)) {
            return;
        }
        problems.add(
                ConfigKeys.LOGOUT_REDIRECT_URI,
                "It is filled in by Keycloak for you to copy into the Login.gov partner portal, not a "
                        + "setting. Put back " + derived.get() + ".");
    }

    private boolean isUnchanged(String key) {
        return stored.map(before -> Objects.equals(before.get(key), submitted.get(key)))
                .orElse(false);
    }

    private static boolean sameScopes(String a, String b) {
        return a != null && b != null && a.trim().replaceAll("\\s+", " ").equals(b.trim());
    }
}
