package io.github.kclogingov.broker.portal;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.broker.config.LoginGovSettings;
import io.github.kclogingov.broker.keys.ClientAssertionKeyCheck;
import io.github.kclogingov.broker.keys.KeyCertificate;
import io.github.kclogingov.protocol.ClientAuthentication;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code GET /realms/<realm>/logingov/<alias>/client-assertion-certificate.pem}: the certificate of
 * the key that signs the provider's client assertions now (or, with {@code ?kid=}, of the key it
 * is about to switch to), as the PEM file the Login.gov partner portal takes, so that an admin
 * downloads it instead of copying it out of the key list.
 *
 * <p>It asks for no authentication because the certificate is public: Keycloak already publishes
 * every enabled realm key's public key and certificate ({@code x5c}), passive keys included, in the
 * realm's JWKS ({@code /realms/<realm>/protocol/openid-connect/certs}), and Login.gov needs only
 * that. Nothing else of the key is ever read here. An unknown alias, a provider of another type,
 * a PKCE provider and a missing or disabled key all answer 404 without a body, so the answer says
 * no more than the JWKS and the login page already do.
 */
public class ClientAssertionCertificateResource {

    static final String MEDIA_TYPE = "application/x-pem-file";

    private final KeycloakSession session;

    public ClientAssertionCertificateResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * @param kid another key to describe instead of the provider's current one, e.g. the next key of a
     *     rotation, whose certificate is uploaded before the provider switches to it; served only if
     *     saving the provider with it would be accepted
     */
    /** Served by {@code LoginGovRealmResource} at {@code {alias}/client-assertion-certificate.pem}. */
    public Response certificate(String alias, String kid) {
        RealmModel realm = session.getContext().getRealm();
        return certificateOf(realm, alias, Optional.ofNullable(kid).filter(value -> !value.isBlank()))
                .map(certificate -> Response.ok(KeyCertificate.pem(certificate), MEDIA_TYPE)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"" + fileName(realm, alias) + "\"")
                        // Public, but it changes at a rotation: never served stale.
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    private Optional<X509Certificate> certificateOf(RealmModel realm, String alias, Optional<String> nextKid) {
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        if (model == null || !ProviderType.ID.equals(model.getProviderId())) {
            return Optional.empty();
        }
        LoginGovSettings settings;
        try {
            settings = new LoginGovIdentityProviderConfig(model).settings();
        } catch (InvalidSettingsException e) {
            return Optional.empty();
        }
        if (settings.clientAuthentication() != ClientAuthentication.PRIVATE_KEY_JWT) {
            return Optional.empty();
        }
        if (nextKid.isPresent()) {
            List<KeyWrapper> keys = keysWithKid(realm, nextKid.get());
            return ClientAssertionKeyCheck.problems(nextKid.get(), keys, Instant.now())
                            .isEmpty()
                    ? Optional.of(keys.get(0).getCertificate())
                    : Optional.empty();
        }
        // The current key's certificate, even one that expired: the admin may need to compare it.
        return settings.signingKeyId()
                .flatMap(kid -> keysWithKid(realm, kid).stream()
                        .filter(key -> key.getStatus().isEnabled() && key.getUse() == KeyUse.SIG)
                        .map(KeyWrapper::getCertificate)
                        .filter(Objects::nonNull)
                        .findFirst());
    }

    private List<KeyWrapper> keysWithKid(RealmModel realm, String kid) {
        return session.keys()
                .getKeysStream(realm)
                .filter(key -> kid.equals(key.getKid()))
                .toList();
    }

    /** e.g. {@code logingov-demo-logingov.pem}; realm and alias reduced to characters safe in a header. */
    static String fileName(RealmModel realm, String alias) {
        return ("logingov-" + realm.getName() + "-" + alias).replaceAll("[^A-Za-z0-9._-]", "_") + ".pem";
    }
}
