package io.github.kclogingov.broker.signals;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.config.InvalidSettingsException;
import io.github.kclogingov.broker.config.LoginGovIdentityProviderConfig;
import io.github.kclogingov.broker.config.PushUrl;
import io.github.kclogingov.broker.config.SecurityEventSettings;
import io.github.kclogingov.broker.metrics.SecurityEventMeter;
import io.github.kclogingov.broker.signin.LoginGovPublicKeys;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException;
import io.github.kclogingov.protocol.PushErrorCode;
import io.github.kclogingov.protocol.SecurityEventTokens;
import io.github.kclogingov.protocol.SecurityEventType;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;

/**
 * The push URL of one Login.gov provider (RFC 8935): finds the provider, checks the request,
 * verifies the token ({@link SetVerifier}), acts once per {@code jti} ({@link ReplayGuard},
 * {@link SecurityEventHandler}), records a Keycloak event and answers 202. A refused token gets 400
 * {@code {"err", "description"}}; a provider that is unknown, of another type or not receiving
 * events gets the same 404 as any URL that does not exist. Each answer but the 404 is counted in
 * {@link SecurityEventMeter}.
 */
public final class SecurityEventReceiver {

    private static final Logger LOG = Logger.getLogger(SecurityEventReceiver.class);

    /** How long Login.gov is asked to wait before delivering an event again that could not be verified. */
    private static final int RETRY_AFTER_SECONDS = 60;

    /** Longest body read: Login.gov's tokens are about a kilobyte. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final KeycloakSession session;

    public SecurityEventReceiver(KeycloakSession session) {
        this.session = session;
    }

    public Response receive(String alias, String contentType, InputStream body) {
        RealmModel realm = session.getContext().getRealm();
        LoginGovIdentityProviderConfig provider = receivingProvider(alias).orElseThrow(NotFoundException::new);
        String type = SecurityEventMeter.UNREAD_TYPE;
        try {
            checkContentType(contentType);
            String token = readBounded(body);
            Duration skew = Duration.ofSeconds(provider.getAllowedClockSkew());
            SecurityEvent event = new SetVerifier(
                            new LoginGovPublicKeys(
                                    session,
                                    realm,
                                    provider,
                                    provider.settings().timeouts()),
                            provider.getIssuer(),
                            audiences(realm, provider),
                            skew,
                            Clock.systemUTC())
                    .verify(token);
            type = event.type().map(SecurityEventType::shortName).orElse(SecurityEventMeter.OTHER_TYPE);
            act(realm, provider, event, skew);
            SecurityEventMeter.accepted(realm.getName(), provider.getAlias(), type);
            // RFC 8935: 202 and nothing to say; Keycloak wants a media type on every answer.
            return Response.accepted().type(MediaType.TEXT_PLAIN_TYPE).build();
        } catch (SetRejected e) {
            LOG.infof(
                    "Login.gov security event refused at provider '%s' of realm '%s': %s (%s)",
                    alias, realm.getName(), e.getMessage(), e.code().code());
            SecurityEventMeter.refused(
                    realm.getName(), provider.getAlias(), type, e.code().code());
            return refusal(e.code(), e.getMessage());
        } catch (LoginGovUnavailableException e) {
            // Login.gov's keys could not be fetched: the event is neither refused nor acted on.
            // A 503 makes Login.gov deliver it again later, as it does after any failed push.
            LOG.warnf(
                    "Login.gov security event at provider '%s' of realm '%s' not verified now: %s",
                    alias, realm.getName(), e.getMessage());
            SecurityEventMeter.deferred(realm.getName(), provider.getAlias(), type);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Login.gov's signing keys cannot be fetched right now; send the event again later.")
                    .build();
        }
    }

    /** The provider, if it is a Login.gov provider of this realm with events switched on and usable settings. */
    private Optional<LoginGovIdentityProviderConfig> receivingProvider(String alias) {
        IdentityProviderModel model =
                alias == null ? null : session.identityProviders().getByAlias(alias);
        if (model == null || !ProviderType.ID.equals(model.getProviderId())) {
            return Optional.empty();
        }
        LoginGovIdentityProviderConfig provider = new LoginGovIdentityProviderConfig(model);
        try {
            provider.settings();
            return provider.securityEvents().enabled() ? Optional.of(provider) : Optional.empty();
        } catch (InvalidSettingsException e) {
            LOG.warnf("Login.gov provider '%s' cannot receive security events: its settings are invalid", alias);
            return Optional.empty();
        }
    }

    private void act(RealmModel realm, LoginGovIdentityProviderConfig provider, SecurityEvent event, Duration skew) {
        String alias = provider.getAlias();
        ReplayGuard replay = new ReplayGuard(
                session, realm, alias, event, Clock.systemUTC().instant().getEpochSecond(), skew.getSeconds());
        if (!replay.claim()) {
            SecurityEventRecord.record(session, realm, alias, event, Outcome.DUPLICATE, null);
            return;
        }
        SecurityEventHandler.Result result;
        try {
            result = new SecurityEventHandler(session, realm, alias, provider.securityEvents()).handle(event);
        } catch (RuntimeException e) {
            replay.release();
            session.getTransactionManager().setRollbackOnly();
            LOG.warnf(
                    "Login.gov security event %s at provider '%s' could not be handled: %s",
                    event.typeName(), alias, e.getClass().getName());
            throw SetRejected.invalidRequest("the event could not be handled; see the server log");
        }
        SecurityEventRecord.record(session, realm, alias, event, result.outcome(), result.userId());
        LOG.infof(
                "Login.gov security event %s at provider '%s' of realm '%s': %s",
                event.typeName(), alias, realm.getName(), result.outcome().detail());
    }

    /** The push URL as shown to the admin (else as this request's frontend URL makes it), and the client ID. */
    private Set<String> audiences(RealmModel realm, LoginGovIdentityProviderConfig provider) {
        SecurityEventSettings settings = provider.securityEvents();
        Set<String> audiences = new LinkedHashSet<>();
        audiences.add(settings.pushUrl()
                .orElseGet(() -> PushUrl.of(
                        session.getContext().getUri(UrlType.FRONTEND).getBaseUri(),
                        realm.getName(),
                        provider.getAlias())));
        if (provider.getClientId() != null) {
            audiences.add(provider.getClientId());
        }
        return audiences;
    }

    private static void checkContentType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        MediaType expected = MediaType.valueOf(SecurityEventTokens.MEDIA_TYPE);
        // Exactly this type (parameters such as a charset allowed); wildcards are not a content type.
        if (type == null
                || !expected.getType().equalsIgnoreCase(type.getType())
                || !expected.getSubtype().equalsIgnoreCase(type.getSubtype())) {
            throw SetRejected.invalidRequest("the content type must be " + SecurityEventTokens.MEDIA_TYPE);
        }
    }

    private static String readBounded(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw SetRejected.invalidRequest("the body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw SetRejected.invalidRequest("the body is longer than " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw SetRejected.invalidRequest("the body is empty");
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static Response refusal(PushErrorCode code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("err", code.code());
        body.put("description", description);
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
