package io.github.kclogingov.broker;

import io.github.kclogingov.broker.config.PushUrl;
import io.github.kclogingov.broker.keys.CertificateUrl;
import io.github.kclogingov.broker.portal.ClientAssertionCertificateResource;
import io.github.kclogingov.broker.signals.SecurityEventReceiver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.models.KeycloakSession;

/**
 * The Login.gov part of a realm's public URLs, {@code /realms/{realm}/logingov/...}: one method per
 * URL, each delegating to the class that holds its rules.
 */
public class LoginGovRealmResource {

    private final KeycloakSession session;

    public LoginGovRealmResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Login.gov's push URL for security events of provider {@code alias}. No {@code @Consumes}: a
     * wrong content type is answered by the receiver with RFC 8935's error body, not by JAX-RS.
     */
    @POST
    @Path("{alias}/" + PushUrl.SECURITY_EVENTS)
    public Response securityEvents(
            @PathParam("alias") String alias,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        return new SecurityEventReceiver(session).receive(alias, contentType, body);
    }

    /** The client assertion key's certificate for the Login.gov partner portal (public data). */
    @GET
    @Path("{alias}/" + CertificateUrl.FILE_NAME)
    public Response clientAssertionCertificate(@PathParam("alias") String alias, @QueryParam("kid") String kid) {
        return new ClientAssertionCertificateResource(session).certificate(alias, kid);
    }
}
