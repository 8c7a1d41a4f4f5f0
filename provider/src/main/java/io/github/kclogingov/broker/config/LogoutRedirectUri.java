package io.github.kclogingov.broker.config;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

/**
 * The second redirect URI an agency registers at Login.gov: where Login.gov returns after sign-out,
 * {@code {server}/realms/{realm}/broker/{alias}/endpoint/logout_response}. Keycloak's console shows
 * only the first ({@code .../endpoint}); this one is derived the same way, from the server's
 * frontend URL as the realm sees it.
 */
final class LogoutRedirectUri {

    private LogoutRedirectUri() {}

    /** Empty outside an HTTP request (a realm imported at startup): there is no server URL to derive it from. */
    static Optional<String> of(KeycloakSession session, RealmModel realm, String alias) {
        if (session == null || realm == null || alias == null) {
            return Optional.empty();
        }
        try {
            // At a startup import Keycloak's request context is not active: asking throws.
            if (session.getContext().getHttpRequest() == null) {
                return Optional.empty();
            }
            return Optional.of(Urls.identityProviderAuthnResponse(
                            session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), alias, realm.getName())
                    + "/logout_response");
        } catch (RuntimeException noRequest) { // no request (or no URI in it): nothing to show, nothing wrong
            return Optional.empty();
        }
    }
}
