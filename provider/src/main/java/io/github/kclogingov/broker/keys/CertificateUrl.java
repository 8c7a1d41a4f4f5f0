package io.github.kclogingov.broker.keys;

import java.net.URI;
import org.keycloak.common.util.KeycloakUriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;

/**
 * Where a Login.gov provider's client assertion certificate can be downloaded for the partner
 * portal: {@code /realms/<realm>/logingov/<alias>/client-assertion-certificate.pem}.
 */
public final class CertificateUrl {

    /** The realm resource's id, the path segment after the realm. */
    public static final String RESOURCE_ID = "logingov";

    /** The file under the provider's alias. */
    public static final String FILE_NAME = "client-assertion-certificate.pem";

    private static final String TEMPLATE = "realms/{realm}/" + RESOURCE_ID + "/{alias}/" + FILE_NAME;

    private CertificateUrl() {}

    /**
     * The full URL on Keycloak's frontend address when there is a request to read it from (a save in
     * the admin console or the admin REST API); the path alone otherwise (an import at startup).
     */
    public static String of(KeycloakSession session, RealmModel realm, String alias) {
        URI base;
        try {
            base = session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        } catch (RuntimeException noRequest) {
            base = null;
        }
        return base == null ? "/" + path(realm.getName(), alias) : resolve(base, realm.getName(), alias);
    }

    /** The URL under Keycloak's base URL (e.g. {@code https://sso.agency.gov/}), each segment encoded. */
    static String resolve(URI base, String realm, String alias) {
        return KeycloakUriBuilder.fromUri(base)
                .path(TEMPLATE)
                .build(realm, alias)
                .toString();
    }

    static String path(String realm, String alias) {
        String url = KeycloakUriBuilder.fromUri("http://host/")
                .path(TEMPLATE)
                .build(realm, alias)
                .getRawPath();
        return url.substring(1);
    }
}
