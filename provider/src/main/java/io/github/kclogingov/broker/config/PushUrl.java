package io.github.kclogingov.broker.config;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.urls.UrlType;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The URL Login.gov pushes a provider's security events to:
 * {@code {frontend}/realms/{realm}/logingov/{alias}/security-events}. The one place its shape is
 * written, for the realm resource that serves it and the setting that shows it.
 */
public final class PushUrl {

    /** The realm resource's id, the path segment after {@code /realms/{realm}/}. */
    public static final String REALM_RESOURCE = "logingov";

    /** The last path segment, after the provider's alias. */
    public static final String SECURITY_EVENTS = "security-events";

    private PushUrl() {}

    /** The push URL under Keycloak's frontend base URL (e.g. {@code https://sso.agency.gov/}). */
    public static String of(URI frontendBase, String realmName, String alias) {
        return UriBuilder.fromUri(frontendBase)
                .path("realms")
                .path(realmName)
                .path(REALM_RESOURCE)
                .path(alias)
                .path(SECURITY_EVENTS)
                .build()
                .toString();
    }

    /** The push URL as the current request's frontend URL makes it; empty outside a request (an import at startup). */
    static Optional<String> ofCurrentRequest(String realmName, String alias) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session == null || realmName == null || alias == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), realmName, alias));
        } catch (RuntimeException e) {
            return Optional.empty(); // no HTTP request behind this session
        }
    }
}
